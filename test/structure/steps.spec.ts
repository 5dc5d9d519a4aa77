import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { eventNames, EVENT_NAMES_FILE } from '../../scripts/event-names';
import { timelineSentences, TIMELINE_SENTENCES_FILE } from '../../scripts/timeline-sentences';
import type { Step } from '../../src/case/step';
import { STEPS } from '../../src/case/steps';
import { TIMELINE_SENTENCES } from '../../src/case/timeline-sentences';

/**
 * A step owns its slice (README, "Layout of src/"): measures what naming a step takes outside its
 * folder. Each step's names (its command, its operation, its events) are searched for, as whole
 * words in code (comments stripped), in every file of src/ and proto/. Outside its folder a step may
 * be named only in the registry, in the contract (the proto, the committed schema and the console's
 * types generated from it), and in the places listed in ELSEWHERE with why. The lists that used to
 * name every step (WIRING) must name none. Reads the sources as text; nothing is started.
 */
const root = join(__dirname, '..', '..');

/** Where a new step is named besides its folder, by design. */
const REGISTRY = 'src/case/steps.ts';
/**
 * The contract, and what `npm run schema` and `npm run console-types` write from the code (the events'
 * names from the steps; the console's timeline sentences gathered from the step folders, which names
 * the folders, not the steps).
 */
const CONTRACT = ['proto/netra/v1/case_workflow.proto', 'src/schema.graphql', 'src/console/web/api/schema-types.ts', 'src/case/event-names.ts', 'src/case/timeline-sentences.ts'];

/** The files that kept a list of every step before issue 16: none may name a step now. */
const WIRING = [
  'src/case/case.ts',
  'src/case/case-events.ts',
  'src/case/case-evolve.ts',
  'src/case/case-effective-time.ts',
  'src/case/case-access.ts',
  'src/case/case-command-messages.ts',
  'src/case/case-command.handler.ts',
  'src/case/case.module.ts',
  'src/case/next-steps.ts',
  'src/api/case-api.module.ts',
  'src/grpc/case-workflow.controller.ts',
  'src/grpc/grpc-step.ts',
];

/**
 * Where steps are still named outside their folders, and why. A file that starts naming a step and
 * is in none of these lists fails the test: give the name to the step's folder instead.
 */
const ELSEWHERE: Record<string, string> = {
  // The read side: what an event changes in the read model is the read model's to compute.
  'src/oversight/projection/case-projection.ts': 'read-model rows of a report and an erasure',
  'src/oversight/projection/case-batch.ts': 'an overdue record withdrawn leaves the read model’s overdue rows',
  'src/oversight/projection/projection-runner.ts': 'read-model rows of an erasure',
  'src/oversight/projection/bulk-rebuild.ts': 'read-model rows of an erasure, as the projection runner (the rebuild\'s bulk load)',
  'src/oversight/models/follow-up.model.ts': 'descriptions of read-model fields',
  'src/oversight/models/case.model.ts': 'descriptions of read-model fields',
  'src/oversight/figures/recompute.ts': 'figures recomputed from the reports',
  'src/oversight/queries/case-at-version.ts': 'a case read at a version',
  'src/oversight/queries/timeline-reader.ts': 'an erased case’s timeline',
  'src/oversight/reporter-reader.ts': 'the reporter, read from the report',
  'src/grpc/event-watch.service.ts': 'what WatchEvents shows of a report and an erasure',
  'src/privacy/personal-data.ts': 'an erased case’s data key',
  'src/api/next-steps.resolver.ts': 'descriptions of the NextStep fields in the schema',
  // Documents travel over HTTP, and npm run verify holds them against their events.
  'src/api/documents/document-reader.ts': 'documents are read from their events',
  'src/api/documents/documents.controller.ts': 'documents are uploaded over HTTP',
  'src/api/documents/document.model.ts': 'documents are uploaded over HTTP',
  'src/cli/verify-documents.ts': 'npm run verify',
  'src/cli/copy-blobs.ts': 'npm run copy carries the documents their events name',
  'src/api/letters/letters.service.ts': 'a letter is rendered over HTTP and GraphQL, then decided as its step',
  'src/case/generating-letter/generate-letter.ts': 'a generated letter is attached as a document is',
  'src/case/attaching-document/attach-document.ts': 'declares DocumentAttached, the event a generated letter appends too',
  'src/case/attaching-document/attach-document.sentences.ts': 'words DocumentAttached on the console\'s timeline, the event a generated letter appends too',
  // Who an event reaches: the inbox routes each event to its unit (the notifications read its ROUTED_EVENTS).
  'src/inbox/inbox-routing.ts': 'the unit each event reaches',
  // The register import plans the steps a register's rows record.
  'src/import/plan-case.ts': 'a register row becomes a report, a study and a recommendation',
  'src/import/register-import.service.ts': 'a register row becomes a report',
  // Rules about other steps, named where they apply.
  'src/case/case.repository.ts': 'a report’s command id names the case it opens',
  'src/case/case-concurrency.ts': 'an erasure touches the whole case',
  'src/case/correcting/withdraw-overdue.ts': 'an extension or a recount withdraws an overdue record',
  'src/case/executing-sanction/record-sanction-execution.ts': 'a second decree is a correctSanctionExecution',
  'src/case/respondent-kinds.ts': 'who decides a sanction, per kind of respondent',
  'src/case/calendar/calendar.model.ts': 'a published calendar recounts due times',
  'src/case/calendar/calendar-recount.service.ts': 'the calendar process recomputes due times',
  // Data and load.
  'src/demo/demo-scenarios.ts': 'demo cases',
  'src/demo/synthetic-commands.ts': 'synthetic histories',
  'src/demo/pilkada-2020-commands.ts': 'synthetic histories',
  'src/bench/write-path.ts': 'benchmark commands',
};
/**
 * The browser console (issue 16's third part, not this one): its forms and words per step, and the
 * words it shares with the server's register import (src/words).
 */
const CONSOLE = ['src/console/web/', 'src/words/'];
const inConsole = (f: string) => CONSOLE.some((prefix) => f.startsWith(prefix));
/**
 * The console's files that still name every step: none since each step folder declares its timeline
 * sentence in both languages (*.sentences.ts, gathered by npm run console-types into
 * case/timeline-sentences.ts). Until then: the timeline's sentences and their messages (id, en).
 */
const CONSOLE_LISTS: string[] = [];

function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return files(path);
    return /\.(tsx?|graphql|proto)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const printer = ts.createPrinter({ removeComments: true });
/** The file's code without its comments (a step named in a comment is documentation, not a list). */
function code(file: string): string {
  const text = readFileSync(join(root, file), 'utf8');
  if (!/\.tsx?$/.test(file)) return text.replace(/(^|\s)(#|\/\/).*$/gm, '');
  return printer.printFile(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS));
}

const all = [...files('src'), ...files('proto')];
const texts = new Map(all.map((f) => [f, code(f)]));

const steps = STEPS.map((step) => {
  const events = Object.keys(step.events);
  const names = [step.command, step.access?.operation, ...events].filter((n): n is string => typeof n === 'string');
  // The step's folder: where its command's type is declared (a step without a command: its first event's).
  const declares = step.command ? new RegExp(`export interface ${step.command} \\{`) : new RegExp(`export interface ${events[0]} \\{`);
  const home = all.find((f) => f.startsWith('src/case/') && declares.test(readFileSync(join(root, f), 'utf8')));
  const folder = home ? `${relative(root, join(root, home, '..'))}/` : '(none)';
  const pattern = new RegExp(`\\b(${names.join('|')})\\b`);
  const elsewhere = all.filter((f) => !f.startsWith(folder) && pattern.test(texts.get(f)!));
  return { name: step.command ?? events[0], folder, names, elsewhere };
});

describe('a step owns its slice', () => {
  it('every step is declared in a folder of its own under src/case', () => {
    expect(steps.filter((s) => !/^src\/case\/[a-z-]+\/$/.test(s.folder)).map((s) => s.name)).toEqual([]);
    expect(new Set(steps.map((s) => s.folder)).size).toBe(steps.length);
  });

  it('the lists that wired every step by hand name none now', () => {
    const named = steps.flatMap((s) => s.elsewhere.filter((f) => WIRING.includes(f)).map((f) => `${f} names ${s.name}`));
    expect(named).toEqual([]);
  });

  it('outside its folder a step is named only in the registry, the contract, and the places the README lists', () => {
    const unexpected = steps.flatMap((s) =>
      s.elsewhere.filter((f) => f !== REGISTRY && !CONTRACT.includes(f) && !(f in ELSEWHERE) && !inConsole(f)).map((f) => `${f} names ${s.name} (${s.names.join(', ')})`),
    );
    expect(unexpected).toEqual([]);
  });

  it('every step folder is in the registry', () => {
    const declared = all
      .filter((f) => /^src\/case\/[a-z-]+\/[a-z-]+\.ts$/.test(f) && /export const \w+: Step</.test(readFileSync(join(root, f), 'utf8')))
      .flatMap((f) => Object.values(require(join(root, f)) as Record<string, unknown>).filter((v) => typeof v === 'object' && v !== null && 'events' in v && 'decide' in v));
    expect(declared.filter((step) => !(STEPS as readonly unknown[]).includes(step))).toEqual([]);
    expect(declared.length).toBe(STEPS.length);
  });

  /**
   * What the next new step touches outside its folder: the registry, and every file that lists all
   * steps (a file naming only some steps states a rule about those, which a new step need not join).
   * On the server that is what is generated: the committed schema (its event types) and the events'
   * names (src/case/event-names.ts, from each step's timeline.name); the proto joins for a step taken
   * over gRPC (10 of the 15). README, "Layout of src/", quotes the count.
   */
  it('the next new step joins, on the server, only the registry, the proto and what npm run schema and console-types write', () => {
    const lists = all.filter((f) => !inConsole(f) && f !== REGISTRY && steps.every((s) => s.elsewhere.includes(f)));
    expect(lists.sort()).toEqual(['src/case/event-names.ts', 'src/schema.graphql']);
    const overGrpc = steps.filter((s) => s.elsewhere.includes('proto/netra/v1/case_workflow.proto'));
    expect(overGrpc.length).toBe(10);
  });

  /**
   * The console lists no step in full (README, "Layout of src/"): its timeline sentences come from the
   * step folders through case/timeline-sentences.ts. Held here so that the list stays empty.
   */
  it('in the console, the next new step joins no file that lists every step', () => {
    const lists = all.filter((f) => inConsole(f) && steps.every((s) => s.elsewhere.includes(f)));
    expect(lists.sort()).toEqual(CONSOLE_LISTS);
  });

  it('the events\' names the console bundles are the ones the steps declare: src/case/event-names.ts is what npm run console-types writes', () => {
    expect(readFileSync(EVENT_NAMES_FILE, 'utf8')).toBe(eventNames(STEPS as readonly Step[]));
  });

  it('the timeline sentences the console bundles are the step folders\' own: src/case/timeline-sentences.ts is what npm run console-types writes', () => {
    expect(readFileSync(TIMELINE_SENTENCES_FILE, 'utf8')).toBe(timelineSentences(STEPS as readonly Step[]));
  });

  it('each event\'s timeline sentence has the same phrases in Indonesian and English, and Indonesian marks no plural', () => {
    const sentences = Object.entries(TIMELINE_SENTENCES);
    expect(sentences.map(([type]) => type).sort()).toEqual([...new Set(STEPS.flatMap((s) => Object.keys(s.events)))].sort());
    expect(sentences.filter(([, s]) => Object.keys(s.words.id).sort().join() !== Object.keys(s.words.en).sort().join()).map(([type]) => type)).toEqual([]);
    expect(sentences.flatMap(([, s]) => Object.values(s.words.id)).filter((text) => /\{\w+:[^}]*\|/.test(text))).toEqual([]);
  });

  it('steps are named outside their folders (server and proto) no more often than measured: 116 names, 76 of them in files written by hand', () => {
    const outside = steps.flatMap((s) => s.elsewhere.filter((f) => !inConsole(f)));
    // Lower it when a name moves into its folder; a new list of steps raises it and fails here.
    // 157 before the timeline moved; 128 before each step named its events and sealed its fields
    // (103 of them by hand then); the generated event names add one name per step (120, 80 by hand);
    // 115 since the outbox reads the inbox's routed events instead of its own list; 116 (76 by hand)
    // since the console's timeline sentences moved into the step folders: DocumentAttached's, in
    // attaching-document, names the event a generated letter appends too (the console's three files
    // that named all 15 steps name none now; the console is not counted here).
    expect(outside.length).toBeLessThanOrEqual(116);
    expect(outside.filter((f) => !CONTRACT.includes(f)).length).toBeLessThanOrEqual(76);
  });

  it('the newest step (correcting a sanction execution) is named on the server, outside its folder, in the contract, what is generated, and two read-side and step hints only', () => {
    const newest = steps.find((s) => s.name === 'CorrectSanctionExecution')!;
    expect(newest.elsewhere.filter((f) => !inConsole(f)).sort()).toEqual([
      'proto/netra/v1/case_workflow.proto',
      'src/case/event-names.ts',
      'src/case/executing-sanction/record-sanction-execution.ts',
      'src/oversight/models/follow-up.model.ts',
      'src/schema.graphql',
    ]);
  });
});
if (process.env.STEPS_REPORT) console.log('names outside', steps.flatMap((s) => s.elsewhere.filter((f) => !inConsole(f))).length, 'by hand', steps.flatMap((s) => s.elsewhere.filter((f) => !inConsole(f) && !CONTRACT.includes(f))).length);
if (process.env.STEPS_REPORT) for (const s of steps) console.log(`${s.name} (${s.folder}): ${s.elsewhere.length} files\n  ${s.elsewhere.join('\n  ')}`);
