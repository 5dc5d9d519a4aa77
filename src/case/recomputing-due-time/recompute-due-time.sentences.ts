import { timelineSentence } from '../timeline-sentence';

/** How this step's events read on the console's timeline, in both languages (case/timeline-sentence.ts). */
export const SENTENCES = {
  DueTimeRecomputed: timelineSentence({
    words: {
      id: { recounted: 'Tenggat {step} untuk {name} dihitung ulang dari {previous} menjadi {due}: kalender libur {year} diterbitkan', provisional: ' (masih sementara)' },
      en: { recounted: 'Due time of {step} for {name} recounted from {previous} to {due}: holiday calendar {year} published', provisional: ' (still provisional)' },
    },
    sentence: (d, w) =>
      w.say('recounted', { step: w.label('DeadlineStep', d.step), name: w.name(d.respondentIds[0] ?? ''), previous: w.when(d.previousDueAt), due: w.when(d.dueAt), year: d.calendarYear ?? '' }) +
      (d.provisional ? w.say('provisional') : ''),
  }),
};
