import { INBOX_KINDS } from '../../src/inbox/inbox-routing';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Enum, Namespace, parse, Service, Type, type ReflectionObject } from 'protobufjs';
import * as vocabulary from '../../src/case/case-vocabulary';
import { ENUM_PREFIXES, type ProtoEnum } from '../../src/grpc/grpc-enums';
import { CASE_WORKFLOW_PROTO, PROTO_ROOT } from '../../src/grpc/proto-files';
import { SearchKey } from '../../src/oversight/search/search.model';
import { CALENDAR_STATUSES, HOLIDAY_KINDS } from '../../src/case/deadlines/calendar-year';

const BUF = join(__dirname, '..', '..', 'node_modules', '.bin', 'buf');
const buf = (...args: string[]) => spawnSync(BUF, args, { encoding: 'utf8', timeout: 60_000 });

const root = parse(readFileSync(CASE_WORKFLOW_PROTO, 'utf8'), { keepCase: true, alternateCommentMode: true }).root;
const netra = root.lookup('netra.v1') as Namespace;
const all = (ns: Namespace): ReflectionObject[] => ns.nestedArray.flatMap((o) => (o instanceof Namespace && !(o instanceof Type) && !(o instanceof Service) && !(o instanceof Enum) ? all(o) : [o]));

describe('the proto contract (proto/netra/v1/case_workflow.proto)', () => {
  it('passes buf lint (STANDARD and COMMENTS) and buf format', () => {
    const lint = buf('lint', PROTO_ROOT);
    expect(lint.stdout + lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    const format = buf('format', '--diff', '--exit-code', PROTO_ROOT);
    expect(format.stdout).toBe('');
    expect(format.status).toBe(0);
  });

  it('buf lint refuses a field without a comment (the check can fail)', () => {
    const copy = mkdtempSync(join(tmpdir(), 'netra-proto-'));
    try {
      cpSync(PROTO_ROOT, copy, { recursive: true });
      const file = join(copy, 'netra', 'v1', 'case_workflow.proto');
      writeFileSync(file, readFileSync(file, 'utf8').replace('  // Full name.\n  string name = 1;\n  // NIP', '  string name = 1;\n  // NIP'));
      const lint = buf('lint', copy);
      expect(lint.status).not.toBe(0);
      expect(lint.stdout).toMatch(/Field "name" should have a non-empty comment/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('comments every service, method, message, field, enum and enum value', () => {
    const missing: string[] = [];
    const need = (o: { comment: string | null; fullName?: string; name: string }, where: string) => {
      if (!o.comment || o.comment.trim() === '') missing.push(where);
    };
    for (const object of all(netra)) {
      need(object, object.fullName);
      if (object instanceof Service) object.methodsArray.forEach((m) => need(m, `${object.fullName}.${m.name}`));
      if (object instanceof Type) object.fieldsArray.forEach((f) => need(f, `${object.fullName}.${f.name}`));
      if (object instanceof Enum) Object.keys(object.values).forEach((v) => need({ name: v, comment: object.comments[v] }, `${object.fullName}.${v}`));
    }
    expect(missing).toEqual([]);
  });

  it('never gives two fields of a message the same number, nor a reserved one', () => {
    for (const type of all(netra).filter((o): o is Type => o instanceof Type)) {
      const numbers = type.fieldsArray.map((f) => f.id);
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const id of numbers) expect(type.isReservedId(id)).toBe(false);
    }
  });

  it('spells every enum as the domain does, UNSPECIFIED first', () => {
    const domain: Record<ProtoEnum, readonly string[]> = {
      CaseSource: vocabulary.CASE_SOURCES,
      ElectionKind: vocabulary.ELECTION_KINDS,
      Agency: vocabulary.AGENCIES,
      RecommendationRecipient: vocabulary.RECOMMENDATION_RECIPIENTS,
      Employment: vocabulary.EMPLOYMENTS,
      ViolationCode: vocabulary.VIOLATION_CODES,
      SanctionKind: vocabulary.SANCTION_KINDS,
      StudyOutcome: vocabulary.STUDY_OUTCOMES,
      SanctionDecision: vocabulary.SANCTION_DECISIONS,
      ImpossibilityReason: vocabulary.IMPOSSIBILITY_REASONS,
      CaseStage: vocabulary.CASE_STAGES,
      RespondentStage: vocabulary.RESPONDENT_STAGES,
      FollowUpStatus: vocabulary.FOLLOW_UP_STATUSES,
      EscalationKind: vocabulary.ESCALATION_KINDS,
      InboxKind: INBOX_KINDS,
      DocumentKind: vocabulary.DOCUMENT_KINDS,
      DeadlineStep: vocabulary.DEADLINE_STEPS,
      SearchKey: Object.values(SearchKey),
      CalendarStatus: CALENDAR_STATUSES,
      HolidayKind: HOLIDAY_KINDS,
    };
    const protoEnums = all(netra).filter((o): o is Enum => o instanceof Enum).map((e) => e.name).sort();
    expect(protoEnums).toEqual(Object.keys(domain).sort());
    for (const [name, words] of Object.entries(domain)) {
      const values = (root.lookupEnum(`netra.v1.${name}`)).values;
      const prefix = ENUM_PREFIXES[name as ProtoEnum];
      expect(Object.entries(values).sort((a, b) => a[1] - b[1]).map(([k]) => k)).toEqual([`${prefix}_UNSPECIFIED`, ...words.map((w) => `${prefix}_${w}`)]);
    }
  });
});
