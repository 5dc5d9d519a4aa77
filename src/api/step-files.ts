import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files of one role in the step folders of src/case (`*.resolver.ts`, `*.grpc.ts`), loaded: the
 * API wires what it finds there, so a new step's folder is all it takes — no list of resolvers or
 * gRPC methods is kept by hand. Runs from the sources (ts-node, Jest) and from dist/ alike.
 */
export function stepFiles(role: 'resolver' | 'grpc'): Array<Record<string, unknown>> {
  const caseDir = join(__dirname, '..', 'case');
  const pattern = new RegExp(`\\.${role}\\.(ts|js)$`);
  return readdirSync(caseDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(join(caseDir, folder.name))
        .filter((name) => pattern.test(name) && !name.endsWith('.d.ts'))
        .sort()
        .map((name) => join(caseDir, folder.name, name)),
    )
    .map((path) => require(path) as Record<string, unknown>); // eslint-disable-line @typescript-eslint/no-require-imports
}

/** Every GraphQL resolver class of the step folders. */
export const stepResolvers = (): Array<new (...args: never[]) => unknown> =>
  stepFiles('resolver').flatMap((exports) => Object.entries(exports).filter(([name, value]) => name.endsWith('Resolver') && typeof value === 'function').map(([, value]) => value as new (...args: never[]) => unknown));
