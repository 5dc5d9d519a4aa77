#!/usr/bin/env node
/**
 * Whether dist/ was built from the sources as they are now. The stamp is a digest of every input's
 * path, size and modification time (sources, console, proto, lock file, compiler settings), written
 * by `npm run build` when it succeeds.
 *
 *   node scripts/build-stamp.js --write      record the inputs dist/ was just built from
 *   node scripts/build-stamp.js --check      exit 0 when dist/ is current, 1 when it must be built
 *   node scripts/build-stamp.js --ensure     build (npm run build) only when dist/ is not current
 *
 * `npm start` runs scripts/start.js, which calls `ensure` and then the server in the same process.
 */
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const stampFile = join(root, 'dist', '.build-stamp');
const INPUTS = ['src', 'proto', 'package.json', 'package-lock.json', 'tsconfig.json', 'nest-cli.json'];

function files(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [[relative(root, path), stat.size, stat.mtimeMs]];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

function digest() {
  const hash = createHash('sha256');
  for (const entry of INPUTS.flatMap((input) => files(join(root, input)))) hash.update(entry.join('\0') + '\n');
  return hash.digest('hex');
}

function current() {
  return existsSync(join(root, 'dist', 'main.js')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === digest();
}

/** Builds (npm run build) unless dist/ is current. */
function ensure() {
  if (current()) return;
  process.stderr.write('netra: sources changed since the last build (or never built): building first…\n');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
}

if (require.main !== module) module.exports = { current, ensure };
else {
  const mode = process.argv[2];
  if (mode === '--write') writeFileSync(stampFile, digest() + '\n');
  else if (mode === '--check') process.exit(current() ? 0 : 1);
  else if (mode === '--ensure') ensure();
  else {
    process.stderr.write('usage: build-stamp.js --write | --check | --ensure\n');
    process.exit(2);
  }
}
