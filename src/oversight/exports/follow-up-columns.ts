import { zoneOf } from '../../case/time-zones';
import { regionName } from '../../case/validation/regions';
import type { FollowUpRecord } from '../queries/case-reader';
import { csvLine, type CsvValue } from './csv';
import { labelOf, yesNo, type HeaderLanguage, type LabelSet } from './header-language';
import { localDateTime, localDecimal, zoneLabel } from './local-values';
import { xlsxInstant, type XlsxColumn, type XlsxFormat, type XlsxValue } from './xlsx';

/**
 * The follow-ups file: every FollowUp field, plus the case's register number, its election and the
 * region's name. `id` headers use the words of Bawaslu, BKN and BPK; `en` headers are the GraphQL
 * field paths, so a column maps back to the API. Under `id` the stage and the follow-up status also
 * keep their codes in a column of their own, stable for filters and pivot tables.
 */

interface Column {
  id: string;
  en: string;
  value: (record: FollowUpRecord, language: HeaderLanguage) => CsvValue;
  /** Only under `id`: under `en` the labelled column already holds the code. */
  idOnly?: true;
  /** In the XLSX file, where it differs from the CSV's text: a real date or number (xlsx.ts). */
  cell?: (record: FollowUpRecord, language: HeaderLanguage) => XlsxValue;
  format?: XlsxFormat;
}

/**
 * Instants under `en` as the API writes them, ISO-8601 in UTC; under `id` on the wall clock of the
 * case's zone (WIB, WITA or WIT, named in the last column), so a decree of 6 December 02.23 WIB
 * is on 6 December in the spreadsheet (local-values.ts).
 */
const instant = (date: Date | null, r: FollowUpRecord, language: HeaderLanguage) =>
  date === null ? null : language === 'en' ? date.toISOString() : localDateTime(date, zoneOf(r.handlingUnit));

const text = (id: string, en: string, pick: (r: FollowUpRecord) => string | null): Column => ({ id, en, value: (r) => pick(r) });
const time = (id: string, en: string, pick: (r: FollowUpRecord) => Date | null): Column => ({
  id,
  en,
  value: (r, language) => instant(pick(r), r, language),
  cell: (r, language) => xlsxInstant(pick(r), zoneOf(r.handlingUnit), language),
  format: 'dateTime',
});
const labelled = (id: string, en: string, set: LabelSet, pick: (r: FollowUpRecord) => string | null): Column => ({
  id,
  en,
  value: (r, language) => labelOf(set, pick(r), language),
});

const COLUMNS: Column[] = [
  text('Nomor Register', 'registerNumber', (r) => r.registerNumber),
  text('ID Kasus', 'caseId', (r) => r.followUp.caseId),
  text('ID Terlapor', 'respondentId', (r) => r.followUp.respondentId),
  text('Nama Terlapor', 'name', (r) => r.followUp.name),
  text('NIP', 'nip', (r) => r.followUp.nip),
  text('NRP', 'nrp', (r) => r.followUp.nrp),
  text('NIK', 'nik', (r) => r.followUp.nik),
  labelled('Status Kepegawaian', 'employment', 'Employment', (r) => r.followUp.employment),
  text('Jabatan', 'position', (r) => r.followUp.position),
  text('Instansi', 'institution', (r) => r.followUp.institution),
  text('Kode Wilayah Instansi', 'institutionRegionCode', (r) => r.followUp.institutionRegionCode),
  labelled('Jenis Pemilihan', 'election.kind', 'ElectionKind', (r) => r.election.kind),
  { id: 'Tahun Pemilihan', en: 'election.year', value: (r) => r.election.year },
  text('Kode Wilayah', 'regionCode', (r) => r.followUp.regionCode),
  text('Nama Wilayah', 'regionName', (r) => (r.followUp.regionCode === null ? null : (regionName(r.followUp.regionCode) ?? null))),
  {
    id: 'Jenis Pelanggaran',
    en: 'violations',
    value: (r, language) => r.followUp.violations.map((code) => labelOf('ViolationCode', code, language)).join('; '),
  },
  labelled('Hasil Kajian', 'outcome', 'StudyOutcome', (r) => r.followUp.outcome),
  labelled('Tahapan', 'stage', 'Stage', (r) => r.followUp.stage),
  { id: 'Kode Tahapan', en: 'stage', value: (r) => r.followUp.stage, idOnly: true },
  text('Menunggu', 'waitingOn', (r) => r.followUp.waitingOn),
  time('Sejak', 'since', (r) => r.followUp.since),
  time('Batas Waktu', 'dueAt', (r) => r.followUp.dueAt),
  { id: 'Terlambat', en: 'overdue', value: (r, language) => yesNo(r.followUp.overdue, language) },
  { id: 'Terlambat (hari)', en: 'daysLate', value: (r) => r.followUp.daysLate },
  { id: 'Lama Menunggu (hari)', en: 'daysWaiting', value: (r, language) => localDecimal(r.followUp.daysWaiting, language), cell: (r) => r.followUp.daysWaiting, format: 'decimal' },
  time('Tercatat Terlambat Sejak', 'overdueSince', (r) => r.followUp.overdueSince),
  labelled('Tahap yang Terlambat', 'overdueStep', 'DeadlineStep', (r) => r.followUp.overdueStep),
  labelled('Status Tindak Lanjut', 'followUpStatus', 'FollowUpStatus', (r) => r.followUp.followUpStatus),
  { id: 'Kode Status Tindak Lanjut', en: 'followUpStatus', value: (r) => r.followUp.followUpStatus, idOnly: true },
  text('Penerima Rekomendasi', 'recommendationRecipient', (r) => r.followUp.recommendationRecipient),
  text('Nomor Surat Rekomendasi', 'recommendationLetter', (r) => r.followUp.recommendationLetter),
  time('Tanggal Rekomendasi', 'recommendedAt', (r) => r.followUp.recommendedAt),
  text('Diputuskan Oleh', 'decidedBy', (r) => r.followUp.decidedBy),
  text('Nomor Surat Keputusan Sanksi', 'decisionLetter', (r) => r.followUp.decisionLetter),
  time('Tanggal Keputusan Sanksi', 'decidedAt', (r) => r.followUp.decidedAt),
  labelled('Sanksi yang Direkomendasikan', 'recommendedSanction', 'SanctionKind', (r) => r.followUp.recommendedSanction),
  text('PPK', 'ppk.title', (r) => r.followUp.ppk?.title ?? null),
  text('Kode Wilayah PPK', 'ppk.regionCode', (r) => r.followUp.ppk?.regionCode ?? null),
  labelled('Sanksi yang Dijatuhkan', 'executedSanction', 'SanctionKind', (r) => r.followUp.executedSanction),
  text('Nomor SK', 'decreeNumber', (r) => r.followUp.decreeNumber),
  time('Tanggal SK', 'executedAt', (r) => r.followUp.executedAt),
  labelled('Alasan Tidak Dapat Ditindaklanjuti', 'impossibleReason', 'ImpossibilityReason', (r) => r.followUp.impossibleReason),
  labelled('Eskalasi Terakhir', 'latestEscalation.kind', 'EscalationKind', (r) => r.followUp.latestEscalation?.kind ?? null),
  text('Nomor Surat Eskalasi', 'latestEscalation.letterNumber', (r) => r.followUp.latestEscalation?.letterNumber ?? null),
  time('Tanggal Eskalasi', 'latestEscalation.escalatedAt', (r) => r.followUp.latestEscalation?.escalatedAt ?? null),
  text('Eskalasi Oleh', 'latestEscalation.escalatedBy', (r) => r.followUp.latestEscalation?.escalatedBy ?? null),
  { id: 'Diblokir di SIASN', en: 'siasnBlocked', value: (r, language) => (r.followUp.siasnBlocked === null ? null : yesNo(r.followUp.siasnBlocked, language)) },
  // Last, so files read by column position keep their layout. "Another respondent outside your region"
  // (src/oversight/queries/respondent-view.ts): its identity columns stay empty.
  { id: 'Identitas Dirahasiakan', en: 'identityWithheld', value: (r, language) => yesNo(r.followUp.identityWithheld, language) },
  // Under id only, after the rest for the same reason: the violations' codes, stable for filters and
  // pivot tables, and the zone every time of the row is written in.
  { id: 'Kode Jenis Pelanggaran', en: 'violations', value: (r) => r.followUp.violations.join('; '), idOnly: true },
  { id: 'Zona Waktu', en: 'timeZone', value: (r) => zoneLabel(zoneOf(r.handlingUnit)), idOnly: true },
];

const columnsFor = (language: HeaderLanguage) => COLUMNS.filter((c) => language === 'id' || !c.idOnly);

export function followUpHeaderLine(language: HeaderLanguage): string {
  return csvLine(columnsFor(language).map((c) => c[language]));
}

/** The same columns for the XLSX file: dates and numbers as the spreadsheet's own (xlsx.ts), the rest as in the CSV. */
export function followUpXlsxColumns(language: HeaderLanguage): Array<XlsxColumn<FollowUpRecord>> {
  return columnsFor(language).map((c) => ({
    header: c[language],
    format: c.format ?? (c.id === 'Tahun Pemilihan' || c.id === 'Terlambat (hari)' ? 'integer' : 'text'),
    value: (r: FollowUpRecord) => (c.cell ? c.cell(r, language) : c.value(r, language)),
  }));
}

export function followUpCsvLines(records: readonly FollowUpRecord[], language: HeaderLanguage): string {
  const columns = columnsFor(language);
  return records.map((r) => csvLine(columns.map((c) => c.value(r, language)))).join('');
}
