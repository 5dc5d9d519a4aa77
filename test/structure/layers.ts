/**
 * The layers of src/, from the bottom up, as data. test/structure/imports.spec.ts holds every import
 * in src/ against them: a file may import its own layer and the layers its layer `uses`, never a
 * layer above, and the parts (one folder's files in one layer) never import each other in a circle.
 */
export interface Layer {
  name: string;
  /** The layers below it that it may import (besides itself). */
  uses: string[];
  what: string;
}

export const LAYERS: Layer[] = [
  {
    name: 'reference',
    uses: [],
    what: 'plain data read once from packages (the Kemendagri region list): the one file I/O the domain relies on, kept out of it',
  },
  {
    name: 'platform',
    uses: [],
    what: 'config, logging, metrics, tracing, rate limits, sealing, the event store and its adapters, the read database type: knows nothing of cases',
  },
  {
    name: 'domain',
    uses: ['reference'],
    what: 'deciders, events, state, rules: plain TypeScript and the packages in DOMAIN_PACKAGES; no Nest, no file I/O',
  },
  {
    name: 'gateway',
    uses: ['reference', 'platform', 'domain'],
    what: 'the command gateway (handlers, repository, aggregate; answers version and position), the deadline and calendar processes and the ports they read through, the case id a report opens, the GraphQL names of the domain enums',
  },
  {
    name: 'read',
    uses: ['reference', 'platform', 'domain', 'gateway'],
    what: 'projection, read model, queries and their GraphQL object types; implements the ports the processes read through',
  },
  {
    name: 'api',
    uses: ['reference', 'platform', 'domain', 'gateway', 'read'],
    what: 'GraphQL resolvers and inputs, gRPC, HTTP controllers, the console server, auth, audit; rate limits, metrics, logs and read-your-writes around the gateway; errors mapped to each transport',
  },
  {
    name: 'app',
    uses: ['reference', 'platform', 'domain', 'gateway', 'read', 'api'],
    what: 'Nest modules, opening the stores, bootstrap and main, the command-line tools, demo data, benchmarks',
  },
];

/**
 * Which part a file of src/ is in: the first entry with a pattern that matches its path (`*` stays
 * inside one folder, `**` crosses folders). The browser console (src/console/web) is checked apart.
 */
export const PARTS: Array<{ part: string; layer: string; files: string[] }> = [
  { part: 'console/web', layer: 'browser', files: ['src/console/web/**'] },
  {
    part: 'wiring',
    layer: 'app',
    files: ['src/**/*.module.ts', 'src/**/*.providers.ts', 'src/storage/storage.ts', 'src/main.ts', 'src/bootstrap.ts'],
  },
  { part: 'cli', layer: 'app', files: ['src/cli/**'] },
  { part: 'bench', layer: 'app', files: ['src/bench/**'] },
  { part: 'demo', layer: 'app', files: ['src/demo/**'] },
  { part: 'grpc', layer: 'api', files: ['src/grpc/**', 'src/case/**/*.grpc.ts'] },
  { part: 'graphql', layer: 'api', files: ['src/graphql/**'] },
  { part: 'auth', layer: 'api', files: ['src/auth/**'] },
  { part: 'audit', layer: 'api', files: ['src/audit/**'] },
  { part: 'console', layer: 'api', files: ['src/console/**'] },
  { part: 'api', layer: 'api', files: ['src/api/**'] },
  { part: 'import', layer: 'api', files: ['src/import/**'] },
  {
    part: 'case/api',
    layer: 'api',
    files: ['src/case/**/*.resolver.ts', 'src/case/**/*.input.ts', 'src/case/**/*.model.ts'],
  },
  {
    part: 'oversight/api',
    layer: 'api',
    files: [
      'src/oversight/**/*.resolver.ts',
      'src/oversight/exports/exports.controller.ts',
      'src/oversight/exports/export-params.ts',
      'src/oversight/exports/export-error.filter.ts',
      // The anonymous figures' HTTP cache: a middleware before Apollo and the summary exports.
      'src/oversight/public-figures/**',
    ],
  },
  // The inbox and the notifications read the log and the read model; their GraphQL resolvers and gRPC reads are the edge.
  { part: 'inbox/api', layer: 'api', files: ['src/inbox/**/*.resolver.ts', 'src/notifications/**/*.resolver.ts'] },
  { part: 'inbox', layer: 'read', files: ['src/inbox/**'] },
  { part: 'notifications', layer: 'read', files: ['src/notifications/**'] },
  { part: 'ledger/api', layer: 'api', files: ['src/ledger/*.resolver.ts', 'src/ledger/*.model.ts'] },
  {
    part: 'case/gateway',
    layer: 'gateway',
    files: [
      'src/case/**/*.handler.ts',
      'src/case/**/*.service.ts',
      'src/case/**/*.port.ts',
      'src/case/case.repository.ts',
      'src/case/case.aggregate.ts',
      'src/case/case-command.ts',
      'src/case/case-command-messages.ts',
      'src/case/case-vocabulary.graphql.ts',
      'src/case/reporting/reported-case-id.ts',
    ],
  },
  { part: 'case', layer: 'domain', files: ['src/case/**'] },
  // The words officers read that both the server (the register import's report) and the console use.
  { part: 'words', layer: 'domain', files: ['src/words/**'] },
  { part: 'oversight', layer: 'read', files: ['src/oversight/**'] },
  { part: 'config', layer: 'platform', files: ['src/config/**'] },
  { part: 'observability', layer: 'platform', files: ['src/observability/**'] },
  { part: 'security', layer: 'platform', files: ['src/security/**'] },
  // Which fields of which event are personal (each step declares its own) and sealing whole events:
  // they read the step registry, so they sit above the domain; the cipher and the keys stay platform.
  { part: 'privacy/events', layer: 'gateway', files: ['src/privacy/personal-fields.ts', 'src/privacy/personal-data.ts'] },
  { part: 'privacy', layer: 'platform', files: ['src/privacy/**'] },
  { part: 'event-store', layer: 'platform', files: ['src/event-store/**'] },
  { part: 'storage', layer: 'platform', files: ['src/storage/**'] },
  { part: 'ledger', layer: 'platform', files: ['src/ledger/**'] },
  { part: 'reference-data', layer: 'reference', files: ['src/reference-data/**'] },
];

/** The only packages the domain imports: pure code, no framework, no I/O. */
export const DOMAIN_PACKAGES: string[] = [];

/**
 * Console files the server imports: none. The wording both share (refusals, English labels, dates
 * and days) lives in src/words, a domain part both import.
 */
export const SERVER_MAY_IMPORT: string[] = [];

/**
 * Server files the browser console imports: domain only, and nothing they import may be other than
 * domain (it is bundled into the browser, where there is no file to read).
 */
export const CONSOLE_MAY_IMPORT: string[] = [
  'src/case/case-vocabulary.ts',
  'src/case/case-vocabulary-id.ts',
  'src/case/event-names.ts',
  'src/case/timeline-sentences.ts',
  'src/case/respondent-kinds.ts',
  'src/case/refusal-keys.ts',
  'src/case/time-zones.ts',
  'src/words/refusal-words.ts',
  'src/words/labels-en.ts',
  'src/words/zones.ts',
  'src/words/days.ts',
];
