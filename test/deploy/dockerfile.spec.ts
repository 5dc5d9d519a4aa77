import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './compose-file';

/** The Dockerfile's stages: each FROM line with the instructions under it (continuation lines joined). */
function stages(): Array<{ from: string; instructions: string[] }> {
  const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
  const result: Array<{ from: string; instructions: string[] }> = [];
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    if (/^FROM\s/i.test(line)) result.push({ from: line, instructions: [] });
    else result[result.length - 1].instructions.push(line);
  }
  return result;
}

describe('Dockerfile', () => {
  const all = stages();
  const final = all[all.length - 1];
  const instruction = (name: string) => final.instructions.filter((line) => line.toUpperCase().startsWith(`${name} `));

  it('builds in one stage and runs from a clean one, copying only what the build produced', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all[0].from).toMatch(/ AS build$/i);
    for (const copy of instruction('COPY')) expect(copy).toMatch(/^COPY (--from=build \S+ \S+|package\.json \S+)$/);
    expect(all[0].instructions.join('\n')).toMatch(/RUN npm ci\b/);
    expect(all[0].instructions.join('\n')).toMatch(/npm run build/);
  });

  it('runs on a supported Node LTS (22 or 24) that satisfies package.json engines, slim', () => {
    const engines = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node as string;
    for (const stage of all) {
      const major = Number(/^FROM node:(\d+)[-.]/.exec(stage.from)?.[1]);
      expect([22, 24]).toContain(major);
      expect(stage.from).toMatch(/-slim\b/);
      expect(major).toBeGreaterThanOrEqual(Number(/>=\s*(\d+)/.exec(engines)?.[1]));
    }
  });

  it('runs as a user that is not root', () => {
    const users = instruction('USER');
    expect(users.length).toBeGreaterThan(0);
    const user = users[users.length - 1].split(/\s+/)[1];
    expect(['root', '0', '0:0']).not.toContain(user);
  });

  it('has a HEALTHCHECK against /health/ready, production mode, and starts the built server', () => {
    const [healthcheck] = instruction('HEALTHCHECK');
    expect(healthcheck).toMatch(/\/health\/ready/);
    expect(healthcheck).toMatch(/--start-period=\d+s/);
    expect(instruction('ENV').join(' ')).toMatch(/NODE_ENV=production/);
    expect(instruction('CMD')).toEqual(['CMD ["node", "dist/main.js"]']);
  });

  it('keeps the build context small: .dockerignore leaves out history, tests, dependencies, build output, data and secrets', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    for (const entry of ['.git', 'test', 'node_modules', 'dist', 'data', '.env', 'test-artifacts', 'bench-results']) expect(ignored).toContain(entry);
    // What remains at the top level is what the build needs.
    const sent = readdirSync(ROOT).filter((name) => !ignored.includes(name) && !(name.startsWith('.env') && name !== '.env.example') && !name.endsWith('.log'));
    expect(sent).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'src', 'proto', 'tsconfig.json', 'nest-cli.json']));
    expect(sent).not.toContain('.git');
  });
});
