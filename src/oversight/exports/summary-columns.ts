import { FOLLOW_UP_STATUSES, RESPONDENT_STAGES } from '../../case/case-vocabulary';
import { SummaryDimension, type FollowUpSummary, type SummaryBucket } from '../models/summary.model';
import { csvLine, type CsvValue } from './csv';
import { LABELS_ID } from '../../case/case-vocabulary-id';
import { labelOf, type HeaderLanguage } from './header-language';
import { localDecimal } from './local-values';
import { xlsxBuffer, type XlsxColumn } from './xlsx';

/**
 * The summary file: an overall row, then one row per bucket; a column per dimension grouped by, then
 * every figure, persons (how KASN/BKN count) beside cases (how Bawaslu counts). `en` headers are the
 * GraphQL field paths of SummaryBucket.
 */

interface Column {
  id: string;
  en: string;
  value: (bucket: SummaryBucket, language: HeaderLanguage) => CsvValue;
  /** Only under `id`: under `en` the labelled column already holds the code. */
  idOnly?: true;
  /** In the XLSX file: the number itself, which the sheet shows with the reader's decimal mark. */
  cell?: (bucket: SummaryBucket) => number | null;
}

const column = (id: string, en: string, value: (b: SummaryBucket, language: HeaderLanguage) => CsvValue, idOnly?: true): Column => ({ id, en, value, idOnly });
/** A figure that may have decimals: a decimal comma under id. */
const decimal = (id: string, en: string, value: (b: SummaryBucket) => number | null): Column => ({
  ...column(id, en, (b, language) => localDecimal(value(b), language)),
  cell: value,
});

/** "PILKADA 2020" as "Pilkada 2020" under id. */
function electionWords(key: string | null, language: HeaderLanguage): string | null {
  const [kind, year] = key?.split(' ') ?? [];
  return key === null || language === 'en' || !kind ? key : [labelOf('ElectionKind', kind, language), year].filter(Boolean).join(' ');
}

/** Persons and cases of one figure, side by side. */
const pair = (id: string, en: string, persons: (b: SummaryBucket) => number | null, cases: (b: SummaryBucket) => number | null) => [
  column(`${id} (orang)`, `${en}.persons`, persons),
  column(`${id} (kasus)`, `${en}.cases`, cases),
];

const FIGURES: Column[] = [
  column('Jumlah Orang', 'total', (b) => b.total),
  column('Jumlah Kasus', 'cases', (b) => b.cases),
  ...RESPONDENT_STAGES.flatMap((stage) => {
    const of = (b: SummaryBucket) => b.byStage.find((s) => s.stage === stage);
    return [
      column(`Tahapan: ${LABELS_ID.Stage[stage]} (orang)`, `byStage.${stage}.count`, (b) => of(b)?.count ?? 0),
      column(`Tahapan: ${LABELS_ID.Stage[stage]} (kasus)`, `byStage.${stage}.cases`, (b) => of(b)?.cases ?? 0),
    ];
  }),
  ...FOLLOW_UP_STATUSES.flatMap((status) => {
    const of = (b: SummaryBucket) => b.byStatus.find((s) => s.status === status);
    return [
      column(`Status: ${LABELS_ID.FollowUpStatus[status]} (orang)`, `byStatus.${status}.count`, (b) => of(b)?.count ?? 0),
      column(`Status: ${LABELS_ID.FollowUpStatus[status]} (kasus)`, `byStatus.${status}.cases`, (b) => of(b)?.cases ?? 0),
    ];
  }),
  ...pair('Direkomendasikan Bawaslu', 'recommended', (b) => b.recommended.persons, (b) => b.recommended.cases),
  ...pair('Sanksi Diputuskan', 'decided', (b) => b.decided.persons, (b) => b.decided.cases),
  ...pair('Ditindaklanjuti', 'actedOn', (b) => b.actedOn.persons, (b) => b.actedOn.cases),
  ...pair('Masih Menunggu', 'waiting', (b) => b.waiting.persons, (b) => b.waiting.cases),
  column('Terlambat (orang)', 'overdue', (b) => b.overdue),
  column('Terlambat (kasus)', 'overdueCases', (b) => b.overdueCases),
  decimal('Tingkat Tindak Lanjut', 'actedOnRate', (b) => b.actedOnRate),
  decimal('Median Hari hingga Pelaksanaan', 'medianDaysToExecute', (b) => b.medianDaysToExecute),
  decimal('Persentil 90 Hari hingga Pelaksanaan', 'p90DaysToExecute', (b) => b.p90DaysToExecute),
  decimal('Median Lama Menunggu (hari)', 'medianDaysWaiting', (b) => b.medianDaysWaiting),
  decimal('Persentil 90 Lama Menunggu (hari)', 'p90DaysWaiting', (b) => b.p90DaysWaiting),
  column('Keterlambatan Terlama (hari)', 'maxDaysLate', (b) => b.maxDaysLate),
];

/** The key columns of the dimensions grouped by; REGION and PROVINCE share the region's code and name. */
function keyColumns(groupBy: readonly SummaryDimension[], language: HeaderLanguage): Column[] {
  const has = (d: SummaryDimension) => groupBy.includes(d);
  return [
    ...(has(SummaryDimension.REGION) || has(SummaryDimension.PROVINCE)
      ? [column('Kode Wilayah', 'key.regionCode', (b) => b.key.regionCode), column('Nama Wilayah', 'key.regionName', (b) => b.key.regionName)]
      : []),
    ...(has(SummaryDimension.PPK) ? [column('PPK', 'key.ppk', (b) => b.key.ppk)] : []),
    ...(has(SummaryDimension.VIOLATION)
      ? [
          column('Jenis Pelanggaran', 'key.violation', (b, language) => labelOf('ViolationCode', b.key.violation, language)),
          column('Kode Jenis Pelanggaran', 'key.violation', (b) => b.key.violation, true),
        ]
      : []),
    ...(has(SummaryDimension.ELECTION) ? [column('Pemilihan', 'key.election', (b, language) => electionWords(b.key.election, language))] : []),
    ...(has(SummaryDimension.WAITING_ON) ? [column('Menunggu', 'key.waitingOn', (b) => b.key.waitingOn)] : []),
    ...(has(SummaryDimension.RESPONDENT_KIND)
      ? [column('Jenis Terlapor', 'key.respondentKind', (b, language) => labelOf('RespondentKind', b.key.respondentKind, language))]
      : []),
  ].filter((c) => language === 'id' || !c.idOnly);
}

type SummaryLine = { kind: string; bucket: SummaryBucket; withKey: boolean };

/** The summary as XLSX: the CSV's columns and rows, figures as numbers (xlsx.ts). */
export function summaryXlsx(summary: FollowUpSummary, groupBy: readonly SummaryDimension[], language: HeaderLanguage): Promise<Buffer> {
  const keys = keyColumns(groupBy, language);
  const columns: Array<XlsxColumn<SummaryLine>> = [
    { header: language === 'id' ? 'Baris' : 'row', format: 'text', value: (line) => line.kind },
    ...keys.map((c) => ({ header: c[language], format: 'text' as const, value: (line: SummaryLine) => (line.withKey ? c.value(line.bucket, language) : null) })),
    ...FIGURES.map((c) => ({
      header: c[language],
      format: c.cell ? ('decimal' as const) : ('integer' as const),
      value: (line: SummaryLine) => (c.cell ? c.cell(line.bucket) : c.value(line.bucket, language)),
    })),
  ];
  const [overall, bucket] = language === 'id' ? ['Keseluruhan', 'Kelompok'] : ['overall', 'bucket'];
  const lines: SummaryLine[] = [{ kind: overall, bucket: summary.overall, withKey: false }, ...summary.buckets.map((b) => ({ kind: bucket, bucket: b, withKey: true }))];
  return xlsxBuffer(language === 'id' ? 'Ringkasan' : 'Summary', columns, lines, language);
}

/** The whole file at once: a summary has at most a few thousand buckets, already in memory as the answer. */
export function summaryCsv(summary: FollowUpSummary, groupBy: readonly SummaryDimension[], language: HeaderLanguage): string {
  const keys = keyColumns(groupBy, language);
  const row = (kind: CsvValue, bucket: SummaryBucket, withKey: boolean) =>
    csvLine([kind, ...keys.map((c) => (withKey ? c.value(bucket, language) : null)), ...FIGURES.map((c) => c.value(bucket, language))]);
  const [overall, bucket] = language === 'id' ? ['Keseluruhan', 'Kelompok'] : ['overall', 'bucket'];
  return [
    csvLine([language === 'id' ? 'Baris' : 'row', ...[...keys, ...FIGURES].map((c) => c[language])]),
    row(overall, summary.overall, false),
    ...summary.buckets.map((b) => row(bucket, b, true)),
  ].join('');
}
