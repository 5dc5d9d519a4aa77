import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Process-level tests (crash and restart) run the built server: build it once per test run. */
export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, [join(__dirname, '..', 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build'], {
    cwd: join(__dirname, '..'),
    stdio: 'inherit',
  });
}
