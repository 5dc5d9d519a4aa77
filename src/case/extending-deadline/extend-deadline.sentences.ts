import { timelineSentence } from '../timeline-sentence';

/** How this step's events read on the console's timeline, in both languages (case/timeline-sentence.ts). */
export const SENTENCES = {
  DeadlineExtended: timelineSentence({
    words: {
      id: { extended: '{actor} memperpanjang tenggat {step} untuk {name} dari {previous} menjadi {due}' },
      en: { extended: '{actor} extended the {step} deadline for {name} from {previous} to {due}' },
    },
    sentence: (d, w) =>
      w.say('extended', { actor: w.label('Agency', d.actor), step: w.label('DeadlineStep', d.step), name: w.name(d.respondentIds[0] ?? ''), previous: w.when(d.previousDueAt), due: w.when(d.dueAt) }),
  }),
};
