import { timelineSentence } from '../timeline-sentence';

/** How this step's events read on the console's timeline, in both languages (case/timeline-sentence.ts). */
export const SENTENCES = {
  OverdueWithdrawn: timelineSentence({
    words: {
      id: { withdrawn: 'Catatan keterlambatan dicabut: {step} untuk {name}, tenggat {due} ({reason})' },
      en: { withdrawn: 'Overdue record withdrawn: {step} for {name}, due {due} ({reason})' },
    },
    sentence: (d, w) =>
      w.say('withdrawn', { step: w.label('DeadlineStep', d.step), name: w.name(d.respondentIds[0] ?? ''), due: w.when(d.dueAt), reason: w.label('OverdueWithdrawalReason', d.withdrawalReason) }),
  }),
};
