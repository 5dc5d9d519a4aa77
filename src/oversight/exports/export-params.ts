import { badInput } from '../../case/case-error';
import { assertSafeText } from '../../api/text-safety';
import { parseInstant } from '../../case/validation/dates';
import { SummaryDimension } from '../models/summary.model';
import { checkedFollowUpFilter } from '../queries/checked-filter';
import type { FollowUpFilter } from '../queries/filters.input';
import type { HeaderLanguage } from './header-language';

/** What an export asks for, read from the query string with the rules GraphQL applies to the same arguments. */
export interface ExportParams {
  filter: FollowUpFilter;
  asOf: Date | null;
  groupBy: SummaryDimension[];
  headers: HeaderLanguage;
  bom: boolean;
}

export type ExportKind = 'follow-ups' | 'summary';
export type ExportFormat = 'csv' | 'json' | 'xlsx';

type Query = Record<string, unknown>;

const TEXT_FIELDS = [
  'electionKind',
  'regionPrefix',
  'violation',
  'waitingOn',
  'respondentNip',
  'stage',
  'followUpStatus',
  'ppkRegionPrefix',
  'caseId',
  'receivedFromMonth',
  'receivedToMonth',
] as const;
const FILTER_FIELDS = [...TEXT_FIELDS, 'electionYear', 'overdue', 'receivedFrom', 'receivedTo', 'respondentKinds'];
const DIMENSIONS = Object.values(SummaryDimension);

/**
 * Every parameter is optional and given at most once; an empty value counts as not given, as an
 * HTML form sends it. A parameter this export does not take is refused rather than ignored, so a
 * typo never silently widens a file.
 */
export async function exportParams(query: Query, kind: ExportKind, format: ExportFormat): Promise<ExportParams> {
  const accepted = new Set([...FILTER_FIELDS, 'asOf', ...(kind === 'summary' ? ['groupBy'] : []), ...(format === 'csv' ? ['headers', 'bom'] : format === 'xlsx' ? ['headers'] : [])]);
  for (const name of Object.keys(query)) {
    assertSafeText(name, 'query');
    assertSafeText(query[name], name);
    if (!accepted.has(name)) throw badInput(name, `is not a parameter of this export (it takes ${[...accepted].join(', ')})`, 'export.unknownParameter', {
        allowed: [...accepted].join(','),
      });
  }
  const value = (name: string): string | undefined => {
    const given = query[name];
    if (given === undefined || given === '') return undefined;
    if (typeof given !== 'string') throw badInput(name, 'must be given once', 'export.repeatedParameter');
    return given;
  };
  const date = (name: string) => {
    const given = value(name);
    return given === undefined ? undefined : parseInstant(given, name);
  };
  const filter = await checkedFollowUpFilter({
    ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, value(name)])),
    electionYear: wholeNumber(value('electionYear'), 'electionYear'),
    overdue: flag(value('overdue'), 'overdue'),
    receivedFrom: date('receivedFrom'),
    receivedTo: date('receivedTo'),
    respondentKinds: value('respondentKinds')?.split(',').map((kind) => kind.trim()),
  });
  return {
    filter,
    asOf: date('asOf') ?? null,
    groupBy: dimensions(value('groupBy')),
    headers: language(value('headers')),
    bom: flag(value('bom'), 'bom') ?? false,
  };
}

function wholeNumber(given: string | undefined, name: string): number | undefined {
  if (given === undefined) return undefined;
  if (!/^\d{1,9}$/.test(given)) throw badInput(name, 'must be a whole number', 'export.wholeNumber');
  return Number(given);
}

function flag(given: string | undefined, name: string): boolean | undefined {
  if (given === undefined) return undefined;
  if (given === 'true' || given === '1') return true;
  if (given === 'false' || given === '0') return false;
  throw badInput(name, 'must be true or false (or 1 or 0)', 'export.boolean');
}

function dimensions(given: string | undefined): SummaryDimension[] {
  if (given === undefined) return [];
  return given.split(',').map((item) => {
    const dimension = item.trim();
    if (!DIMENSIONS.includes(dimension as SummaryDimension)) throw badInput('groupBy', `must be a comma list of ${DIMENSIONS.join(', ')}`, 'value.notOneOf', {
        allowed: DIMENSIONS.join(','),
      });
    return dimension as SummaryDimension;
  });
}

/** Indonesian by default: the people who download these files are Indonesian officers and auditors. */
function language(given: string | undefined): HeaderLanguage {
  if (given === undefined || given === 'id' || given === 'en') return given ?? 'id';
  throw badInput('headers', 'must be id (Indonesian) or en (English)', 'export.headers');
}
