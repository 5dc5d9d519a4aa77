import { timelineSentence } from '../timeline-sentence';

/** How this step's events read on the console's timeline, in both languages (case/timeline-sentence.ts). */
export const SENTENCES = {
  FollowUpOverdue: timelineSentence({
    words: {
      id: { overdue: 'Melewati tenggat: {step} untuk {name} masih menunggu {waitingOn} setelah tenggat {due}' },
      en: { overdue: 'Overdue: {step} for {name} still waits on {waitingOn} after its due time {due}' },
    },
    sentence: (d, w) =>
      w.say('overdue', { step: w.label('DeadlineStep', d.step), name: w.name(d.respondentIds[0] ?? ''), waitingOn: w.label('Agency', d.waitingOn), due: w.when(d.dueAt) }),
  }),
};
