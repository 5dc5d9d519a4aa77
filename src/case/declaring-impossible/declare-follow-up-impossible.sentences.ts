import { timelineSentence } from '../timeline-sentence';

/** How this step's events read on the console's timeline, in both languages (case/timeline-sentence.ts). */
export const SENTENCES = {
  FollowUpDeclaredImpossible: timelineSentence({
    words: {
      id: { declared: '{actor} menyatakan {name} tidak dapat ditindaklanjuti: {reason}' },
      en: { declared: '{actor} declared follow-up impossible for {name}: {reason}' },
    },
    sentence: (d, w) => w.say('declared', { actor: w.label('Agency', d.actor), name: w.name(d.respondentIds[0] ?? ''), reason: w.label('ImpossibilityReason', d.impossibilityReason) }),
  }),
};
