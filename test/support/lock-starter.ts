/**
 * A starter for the lock race test: once loaded it says `ready` and waits for the file named by
 * LOCK_GO to exist, so that every starter goes for the lock at once, then locks the directory in
 * argv[2] and says how it went on stdout: `locked <pid>` (and holds it until killed or stdin
 * closes) or `refused <message>`.
 */
import { existsSync } from 'node:fs';
import { lockDataDir } from '../../src/storage/data-dir-lock';

const go = process.env.LOCK_GO;
if (go) {
  process.stdout.write('ready\n');
  while (!existsSync(go)) {
    // Busy-wait: a timer would add its own jitter to the race.
  }
}
try {
  const release = lockDataDir(process.argv[2]);
  process.stdout.write(`locked ${process.pid}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    release();
    process.exit(0);
  });
} catch (error) {
  process.stdout.write(`refused ${(error as Error).message}\n`);
  process.exit(1);
}
