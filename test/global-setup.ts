import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** Process-level tests (crash and restart) run the built server, browser tests the built console: build both once per test run. */
export default async function globalSetup(): Promise<void> {
  // For a quick run of pure specs while developing: NETRA_TEST_SKIP_BUILD=1 reuses dist/ as it is.
  if (process.env.NETRA_TEST_SKIP_BUILD === '1') return;
  // Builds only when the sources changed since the last build (scripts/build-stamp.js), as `npm start` does.
  execFileSync(process.execPath, [join(root, 'scripts', 'build-stamp.js'), '--ensure'], {
    cwd: root,
    stdio: 'inherit',
    // Jest sets NODE_ENV=test, which would make Vite emit React's development build into the folder `npm start` serves.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
