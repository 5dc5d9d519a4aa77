import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round } from './stats';

const ROOT = join(__dirname, '..', '..');
const running = new Set<number>();

/** A bench stopped during start-up leaves no server behind: each spawned server's process group gets SIGTERM. */
export function stopStartupChildren(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

export interface StartupFigures {
  /** An empty embedded store: create the database, migrate, load the demo cases, project them. */
  firstStartSeconds: number;
  /** The same store again with `node dist/main.js`: open, check, catch up. */
  secondStartSeconds: number;
  /**
   * CPU seconds the server's main thread spent until ready on that second start (Linux; null
   * elsewhere): on a loaded machine the wall time mostly measures the queue for a core, this does not.
   */
  secondStartMainThreadCpuSeconds: number | null;
  /** CPU seconds of all its threads by then: the embedded database's worker, V8's compiler and GC threads (Linux; null elsewhere). */
  secondStartAllThreadsCpuSeconds: number | null;
  /** The Node that ran it: ≥ 22 keeps compiled code between starts (module.enableCompileCache in main.ts), 20 does not. */
  node: string;
  /** The same store again with `npm start` (npm, the build-freshness check, then the server). */
  secondNpmStartSeconds: number;
  targetSeconds: number;
  met: boolean;
}

/** utime + stime of a process's main thread, in seconds (Linux /proc; null where there is none). */
function mainThreadCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat(5), counted in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** utime + stime of all of a process's threads, in seconds (Linux /proc; null where there is none). */
function processCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Seconds from spawning a command until GET /health/ready answers 200 (and its CPU seconds by then); then stops it with SIGTERM. */
async function timeToReady(command: string, args: string[], env: Record<string, string>): Promise<{ seconds: number; cpuSeconds: number | null; allCpuSeconds: number | null }> {
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  running.add(child.pid!);
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not start in 120 s:\n${output}`)), 120_000);
      const collect = (chunk: Buffer) => {
        output += String(chunk);
        const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout!.on('data', collect);
      child.stderr!.on('data', collect);
      child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
    for (;;) {
      const status = await fetch(`${origin}/health/ready`).then((r) => r.status, () => 0);
      if (status === 200) return { seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: mainThreadCpuSeconds(child.pid!), allCpuSeconds: processCpuSeconds(child.pid!) };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // The process group: `npm start` runs the server as a child of npm.
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    running.delete(child.pid!);
  }
}

/** First and second start of the built server on an embedded store, as an operator restarting it sees them. */
export async function startupTimes(): Promise<StartupFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'netra-bench-start-'));
  const env = { EVENT_STORE_URL: `file:${dir}`, PORT: '0', GRPC_PORT: '0', NODE_ENV: 'development', LOG_LEVEL: 'info', OVERDUE_SCAN_SECONDS: '0' };
  try {
    const { seconds: firstStartSeconds } = await timeToReady(process.execPath, [join(ROOT, 'dist', 'main.js')], env);
    const second = await timeToReady(process.execPath, [join(ROOT, 'dist', 'main.js')], env);
    const { seconds: secondNpmStartSeconds } = await timeToReady(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['start', '--silent'], env);
    const targetSeconds = 2;
    return {
      firstStartSeconds: round(firstStartSeconds, 2),
      secondStartSeconds: round(second.seconds, 2),
      secondStartMainThreadCpuSeconds: second.cpuSeconds === null ? null : round(second.cpuSeconds, 2),
      secondStartAllThreadsCpuSeconds: second.allCpuSeconds === null ? null : round(second.allCpuSeconds, 2),
      node: process.version,
      secondNpmStartSeconds: round(secondNpmStartSeconds, 2),
      targetSeconds,
      met: secondNpmStartSeconds < targetSeconds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
