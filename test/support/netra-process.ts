import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { TEST_SECRET } from './netra-app';

/** The built server (dist/main.js) as a real child process: for SIGKILL and restart tests. */
export interface NetraProcess {
  child: ChildProcess;
  url: string;
  output: string[];
  exited: Promise<number | null>;
}

/** `onOutput` sees each chunk of the log as it comes, also while Netra is still starting. */
export async function spawnNetra(
  env: Record<string, string>,
  onOutput?: (chunk: string) => void,
  startTimeoutMs = 60_000,
  options: { cwd?: string } = {},
): Promise<NetraProcess> {
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'main.js')], {
    cwd: options.cwd,
    // The deadline process is off unless a test turns it on (OVERDUE_SCAN_SECONDS).
    env: { ...process.env, PORT: '0', GRPC_PORT: '0', NETRA_DEMO: '0', AUTH_DEV_SECRET: TEST_SECRET, LOG_LEVEL: 'info', OVERDUE_SCAN_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`netra did not start:\n${output.join('')}`)), startTimeoutMs);
    const collect = (chunk: Buffer) => {
      output.push(String(chunk));
      onOutput?.(String(chunk));
      const match = /"url":"(http:\/\/[^"]+\/graphql)"/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`netra exited with ${code}:\n${output.join('')}`));
    });
  });
  return { child, url, output, exited };
}
