import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STARTER = join(__dirname, '..', 'support', 'lock-starter.ts');

interface Starter {
  child: ChildProcess;
  /** The first line the starter printed: `locked <pid>` or `refused <message>`. */
  said: Promise<string>;
}

interface Waiting extends Starter {
  ready: Promise<void>;
}

function start(dir: string, go?: string): Waiting {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', STARTER, dir], {
    env: { ...process.env, LOCK_GO: go ?? '' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const said = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const lines = out.split('\n').slice(0, -1).filter((line) => line !== 'ready');
      if (out.startsWith('ready\n')) ready();
      if (lines.length > 0) resolve(lines[0]);
    });
    child.once('exit', (code) => reject(new Error(`starter exited with ${code} before saying anything`)));
  });
  return { child, said, ready: readyPromise };
}

/** Starts `count` starters, waits until every one has loaded, then lets them all go for the lock at once. */
async function race(dir: string, count: number): Promise<{ starters: Starter[]; answers: string[] }> {
  const go = join(dir, '..', `${dir.split('/').pop()}.go`);
  const starters = Array.from({ length: count }, () => start(dir, go));
  try {
    await Promise.all(starters.map((s) => s.ready));
    await writeFile(go, '');
    return { starters, answers: await Promise.all(starters.map((s) => s.said)) };
  } finally {
    await rm(go, { force: true });
  }
}

async function stop(starters: Starter[]): Promise<void> {
  await Promise.all(
    starters.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
          s.child.once('exit', () => resolve());
          s.child.stdin!.end();
        }),
    ),
  );
}

function expectOneHolder(answers: string[]): string {
  const locked = answers.filter((a) => a.startsWith('locked '));
  expect(locked).toHaveLength(1);
  const refused = answers.filter((a) => a.startsWith('refused '));
  expect(refused).toHaveLength(answers.length - 1);
  const holder = locked[0].slice('locked '.length);
  for (const line of refused) {
    expect(line).toMatch(new RegExp(`^refused EVENT_STORE_URL: .* is in use by another Netra process \\(pid ${holder}\\); stop it first$`));
  }
  return holder;
}

describe('the data-directory lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netra-lock-race-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('ten starters at the same instant on one directory: exactly one holds it, the nine others are refused naming it', async () => {
    const { starters, answers } = await race(dir, 10);
    try {
      const holder = expectOneHolder(answers);
      expect((await readFile(join(dir, 'netra.pid'), 'utf8')).split(' ')[0]).toBe(holder);
    } finally {
      await stop(starters);
    }
    // Released on a clean stop, and no drafts or takeover markers are left behind.
    expect(await readdir(dir)).toEqual([]);
  }, 90_000);

  it('a lock left by a SIGKILLed holder is taken over, and by exactly one of ten starters racing for it', async () => {
    const first = start(dir);
    const said = await first.said;
    expect(said).toMatch(/^locked /);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const stale = await readFile(join(dir, 'netra.pid'), 'utf8');
    expect(stale.split(' ')[0]).toBe(said.slice('locked '.length));

    const { starters, answers } = await race(dir, 10);
    try {
      const holder = expectOneHolder(answers);
      expect(holder).not.toBe(said.slice('locked '.length));
    } finally {
      await stop(starters);
    }
  }, 90_000);

  it('a lock naming a live pid that started at another time (a pid reused after a restart) is stale', async () => {
    // Our own parent's pid is alive, but it did not start at tick 1 after boot.
    await writeFile(join(dir, 'netra.pid'), `${process.pid} 1 0123456789abcdef\n`);
    const starter = start(dir);
    try {
      expect(await starter.said).toMatch(/^locked /);
    } finally {
      await stop([starter]);
    }
  }, 60_000);

  it('a lock of a live process is never taken over', async () => {
    const first = start(dir);
    try {
      expect(await first.said).toMatch(/^locked /);
      const second = start(dir);
      expect(await second.said).toMatch(/^refused EVENT_STORE_URL: .* is in use by another Netra process/);
    } finally {
      await stop([first]);
    }
  }, 60_000);
});
