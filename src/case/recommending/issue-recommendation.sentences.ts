import { timelineSentence } from '../timeline-sentence';

/** How this step's events read on the console's timeline, in both languages (case/timeline-sentence.ts). */
export const SENTENCES = {
  RecommendationIssued: timelineSentence({
    words: {
      id: { issued: 'Rekomendasi {letter} kepada {recipient} untuk {names}' },
      en: { issued: 'Recommendation {letter} to {recipient} for {names}' },
    },
    sentence: (d, w) => w.say('issued', { letter: d.letterNumber ?? '', recipient: w.label('RecommendationRecipient', d.recipient), names: w.names(d.respondentIds) }),
  }),
};
