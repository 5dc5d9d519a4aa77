import { timelineSentence } from '../timeline-sentence';

/** How this step's events read on the console's timeline, in both languages (case/timeline-sentence.ts). */
export const SENTENCES = {
  DocumentAttached: timelineSentence({
    words: {
      id: { attached: '{actor} melampirkan {kind}{forWhom}', for: ' untuk {name}', document: 'dokumen' },
      en: { attached: '{actor} attached {kind}{forWhom}', for: ' for {name}', document: 'a document' },
    },
    sentence: (d, w) => {
      // The kind from the case's own list (same version); a document this caller may not see is just "dokumen".
      const kind = w.documentKind() ?? w.say('document');
      const forWhom = d.respondentIds.length > 0 ? w.say('for', { name: w.name(d.respondentIds[0] ?? '') }) : '';
      return w.say('attached', { actor: w.label('Agency', d.actor), kind, forWhom });
    },
  }),
};
