import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** With `--profile`, a V8 CPU profile of one phase, written to bench-results/<name>.cpuprofile. */
export async function profiled<T>(enabled: boolean, name: string, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result)))); // eslint-disable-line @typescript-eslint/no-explicit-any
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await post('Profiler.stop');
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(join('bench-results', `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
