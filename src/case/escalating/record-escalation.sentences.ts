import { timelineSentence } from '../timeline-sentence';

/** How this step's events read on the console's timeline, in both languages (case/timeline-sentence.ts). */
export const SENTENCES = {
  EscalationRecorded: timelineSentence({
    words: {
      id: { escalated: '{escalation} untuk {name} (surat {letter})' },
      en: { escalated: '{escalation} for {name} (letter {letter})' },
    },
    sentence: (d, w) => w.say('escalated', { escalation: w.label('EscalationKind', d.escalation), name: w.name(d.respondentIds[0] ?? ''), letter: d.letterNumber ?? '' }),
  }),
};
