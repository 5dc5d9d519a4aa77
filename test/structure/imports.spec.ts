import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';
import { CONSOLE_MAY_IMPORT, DOMAIN_PACKAGES, LAYERS, PARTS, SERVER_MAY_IMPORT } from './layers';

/**
 * Imports point down (README, "Layout of src/"): every import in src/ is held against the layers in
 * ./layers.ts. Reads the sources as text; nothing is started.
 */
const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const glob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*\//g, '\u0000')
      .replace(/\*\*$/, '\u0001')
      .replace(/\*/g, '[^/]*')
      .replace(/\u0000/g, '(?:.*/)?')
      .replace(/\u0001/, '.*')}$`,
  );
const parts = PARTS.map((p) => ({ ...p, patterns: p.files.map(glob) }));
const partOf = (file: string) => parts.find((p) => p.patterns.some((re) => re.test(file)));
const layerOf = (name: string) => LAYERS.find((l) => l.name === name);

interface Import {
  file: string;
  specifier: string;
  /** The file of src/ it names (relative imports), else undefined: a package. */
  target?: string;
  /** Only types are imported (`import type`, or every name marked `type`): erased when compiled, never loaded. */
  typeOnly: boolean;
}

function resolveImport(file: string, specifier: string): string | undefined {
  const base = relative(root, resolve(root, dirname(file), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile()) return candidate;
  }
  return base;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), 'utf8');
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const types = typeOnlySpecifiers(file, text);
  return importedFiles.map(({ fileName }) => ({
    file,
    specifier: fileName,
    target: fileName.startsWith('.') ? resolveImport(file, fileName) : undefined,
    typeOnly: types.has(fileName),
  }));
}

/** The specifiers a file imports or re-exports only as types, in every statement that names them. */
function typeOnlySpecifiers(file: string, text: string): Set<string> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const typeOnly = new Set<string>();
  const loaded = new Set<string>();
  for (const statement of source.statements) {
    let specifier: string | undefined;
    let onlyTypes = false;
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      onlyTypes = clause !== undefined && (clause.isTypeOnly || (!clause.name && named !== undefined && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      specifier = statement.moduleSpecifier.text;
      const named = statement.exportClause && ts.isNamedExports(statement.exportClause) ? statement.exportClause.elements : undefined;
      onlyTypes = statement.isTypeOnly || (named !== undefined && named.length > 0 && named.every((e) => e.isTypeOnly));
    }
    if (specifier === undefined) continue;
    (onlyTypes ? typeOnly : loaded).add(specifier);
  }
  for (const specifier of loaded) typeOnly.delete(specifier);
  return typeOnly;
}

const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

const files = sources('src');
const server = files.filter((f) => !f.startsWith('src/console/web/'));
const browser = files.filter((f) => f.startsWith('src/console/web/'));
const imports = files.flatMap(importsOf);

describe('imports point down', () => {
  it('every file of src/ is in a part of a layer', () => {
    expect(files.filter((f) => !partOf(f)).map((f) => `${f}: in no part of test/structure/layers.ts`)).toEqual([]);
    expect(PARTS.filter((p) => p.layer !== 'browser' && !layerOf(p.layer)).map((p) => p.part)).toEqual([]);
  });

  it('resolvers and controllers are the API layer', () => {
    expect(server.filter((f) => /\.(resolver|controller)\.ts$/.test(f) && partOf(f)?.layer !== 'api')).toEqual([]);
  });

  it('no file imports a layer above its own', () => {
    const upward = imports
      .filter((i) => !i.file.startsWith('src/console/web/') && i.target?.startsWith('src/'))
      .flatMap(({ file, specifier, target }) => {
        const from = partOf(file)!;
        const to = partOf(target!);
        if (!to) return [`${file} → ${specifier}: names a file in no part`];
        if (SERVER_MAY_IMPORT.includes(target!) && from.layer === 'api') return [];
        if (from.layer === to.layer || layerOf(from.layer)!.uses.includes(to.layer)) return [];
        return [`${file} → ${specifier} (${from.layer} imports ${to.layer})`];
      });
    expect(upward).toEqual([]);
  });

  it('the domain imports only itself, reference data and the packages it may use', () => {
    const domain = new Set(LAYERS.find((l) => l.name === 'domain')!.uses);
    const impure = imports
      .filter((i) => partOf(i.file)!.layer === 'domain')
      .filter((i) => (i.target ? !(partOf(i.target)?.layer === 'domain' || domain.has(partOf(i.target)?.layer ?? '')) : !DOMAIN_PACKAGES.includes(packageName(i.specifier))))
      .map(({ file, specifier }) => `${file} → ${specifier}`);
    expect(impure).toEqual([]);
  });

  it('no two parts import each other, however indirectly', () => {
    // Part-to-part edges, each with the first import that makes it.
    const edges = new Map<string, Map<string, string>>();
    for (const { file, specifier, target } of imports) {
      if (!target?.startsWith('src/') || file.startsWith('src/console/web/')) continue;
      const from = partOf(file)!.part;
      const to = partOf(target)?.part;
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, `${file} → ${specifier}`);
    }
    expect(circles(edges)).toEqual([]);
  });

  it('no file loads a file that loads it back, however indirectly (types aside)', () => {
    // A circle of files is loaded half-initialised from one side: a step's descriptor read before its
    // folder finished loading is undefined. Type imports are erased, so they make no circle.
    const edges = new Map<string, Map<string, string>>();
    for (const { file, specifier, target, typeOnly } of imports) {
      if (typeOnly || !target?.startsWith('src/') || !files.includes(target)) continue;
      if (!edges.has(file)) edges.set(file, new Map());
      if (!edges.get(file)!.has(target)) edges.get(file)!.set(target, specifier);
    }
    expect(circles(edges)).toEqual([]);
  });

  it('no circle of files at all, type imports included', () => {
    // Erased or not, a circle of types ties files that should stand one above the other: a step's
    // folder imports the shared domain, which must not name a step back (the event union is built
    // from the registry alone, case-events.ts; the records a state holds live in case-records.ts).
    const edges = new Map<string, Map<string, string>>();
    for (const { file, specifier, target } of imports) {
      if (!target?.startsWith('src/') || !files.includes(target)) continue;
      if (!edges.has(file)) edges.set(file, new Map());
      if (!edges.get(file)!.has(target)) edges.get(file)!.set(target, specifier);
    }
    expect(circles(edges)).toEqual([]);
  });

  it('the browser console imports nothing of the server but the files it is allowed', () => {
    const reached = imports
      .filter((i) => browser.includes(i.file) && i.target && !i.target.startsWith('src/console/web/'))
      .filter((i) => !CONSOLE_MAY_IMPORT.includes(i.target!))
      .map(({ file, specifier }) => `${file} → ${specifier}`);
    expect(reached).toEqual([]);
    // What it may import, and all that imports in turn, is domain: bundled into the browser, it must stay pure.
    const bundled = new Set<string>();
    const visit = (file: string) => {
      if (bundled.has(file)) return;
      bundled.add(file);
      // Types are erased when bundled: only what is loaded counts.
      for (const i of imports) if (i.file === file && i.target && !i.typeOnly) visit(i.target);
    };
    CONSOLE_MAY_IMPORT.forEach(visit);
    expect([...bundled].filter((f) => partOf(f)?.layer !== 'domain').map((f) => `${f}: bundled into the console, not domain`)).toEqual([]);
  });

  it('what the server takes from the console imports no package and nothing of the server but domain', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const i of imports) if (i.file === file && i.target) visit(i.target);
    };
    SERVER_MAY_IMPORT.forEach(visit);
    const packages = imports.filter((i) => reached.has(i.file) && !i.target).map((i) => `${i.file} → ${i.specifier}`);
    expect(packages).toEqual([]);
    expect([...reached].filter((f) => !f.startsWith('src/console/web/') && partOf(f)?.layer !== 'domain')).toEqual([]);
  });

  it('reads the whole tree', () => {
    expect(server.length).toBeGreaterThan(250);
    expect(imports.filter((i) => i.target).length).toBeGreaterThan(1000);
  });
});

/**
 * Each knot of parts that import each other (strongly connected, Tarjan), as its parts and the
 * shortest circle through the first of them: "a → b: file → import", and so on back to a.
 */
function circles(edges: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const members: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        members.push(w);
      } while (w !== v);
      if (members.length > 1) found.push([`parts ${members.sort().join(', ')}`, ...shortestCircle(members[0], new Set(members), edges)]);
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

function shortestCircle(start: string, inside: Set<string>, edges: Map<string, Map<string, string>>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of [...(edges.get(v)?.keys() ?? [])].sort()) {
      if (!inside.has(w) || cameFrom.has(w)) continue;
      cameFrom.set(w, v);
      if (w === start) {
        const path = [start];
        for (let at = cameFrom.get(start)!; at !== start; at = cameFrom.get(at)!) path.unshift(at);
        path.unshift(start);
        return path.slice(0, -1).map((from, i) => `${from} → ${path[i + 1]}: ${edges.get(from)!.get(path[i + 1])}`);
      }
      queue.push(w);
    }
  }
  return [];
}
