import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * What the built server loads before it has any request (README, "Start-up"): packages only some
 * requests or some stores need are loaded on first use, so a second start of the embedded store
 * does not pay for them. Requires dist/bootstrap.js (what main.ts starts) in a fresh Node.
 */
const root = join(__dirname, '..', '..');

function modulesLoadedAtStart(): string[] {
  const script = "require('./dist/bootstrap'); process.stdout.write(JSON.stringify(Object.keys(require.cache)));";
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' })) as string[];
}

describe('starting the server', () => {
  const loaded = modulesLoadedAtStart();
  const packageLoaded = (name: string) => loaded.some((path) => path.includes(`/node_modules/${name}/`));

  it('loads the application itself (the check sees what it should)', () => {
    expect(loaded.some((path) => path.endsWith(join('dist', 'app.module.js')))).toBe(true);
    expect(packageLoaded('@nestjs/graphql')).toBe(true);
    expect(packageLoaded('class-validator')).toBe(true);
  });

  it("loads only the class-validator rules the inputs use, not its index with every rule and libphonenumber's metadata", () => {
    expect(loaded.filter((path) => path.includes('/node_modules/class-validator/cjs/index.js'))).toEqual([]);
    expect(packageLoaded('libphonenumber-js')).toBe(false);
    expect(packageLoaded('validator')).toBe(true); // the rules' own checks (isLength, isUUID)
    expect(loaded.filter((path) => /\/node_modules\/validator\/lib\//.test(path)).length).toBeLessThan(15);
  });

  it.each(['pg', 'jose', 'exceljs', 'pdfkit', 'nodemailer', '@kurrent/kurrentdb-client'])('does not load %s until it is used', (name) => {
    expect(packageLoaded(name)).toBe(false);
  });
});
