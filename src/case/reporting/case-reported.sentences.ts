import { timelineSentence } from '../timeline-sentence';

/** How this step's events read on the console's timeline, in both languages (case/timeline-sentence.ts). */
export const SENTENCES = {
  CaseReported: timelineSentence({
    words: {
      id: {
        REPORT: 'Laporan diterima oleh Bawaslu {unit}; {count} terlapor: {names}',
        FINDING: 'Temuan dicatat oleh Bawaslu {unit}; {count} terlapor: {names}',
        lateReport: ' (diambil dari laporan yang diterima melewati batas waktu)',
      },
      en: {
        REPORT: 'Report received by Bawaslu {unit}; {count} {count:respondent|respondents}: {names}',
        FINDING: 'Finding recorded by Bawaslu {unit}; {count} {count:respondent|respondents}: {names}',
        lateReport: ' (taken up from a report received out of time)',
      },
    },
    sentence: (d, w) =>
      w.say(d.source === 'FINDING' ? 'FINDING' : 'REPORT', { unit: d.handlingUnitName ?? d.handlingUnit ?? '', count: d.respondentIds.length, names: w.names(d.respondentIds) }) +
      (d.lateReport ? w.say('lateReport') : ''),
  }),
};
