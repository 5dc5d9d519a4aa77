import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** Process-level tests (crash and restart) run the built server, browser tests the built console: build both once per test run. */
export default async function globalSetup(): Promise<void> {
  // For a quick run of pure specs while developing: NETRA_TEST_SKIP_BUILD=1 reuses dist/ as it is.
  if (process.env.NETRA_TEST_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, [join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'src/console/web/vite.config.mts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // Jest sets NODE_ENV=test, which would make Vite emit React's development build into the folder `npm start` serves.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
