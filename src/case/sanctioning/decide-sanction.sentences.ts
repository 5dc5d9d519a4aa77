import { timelineSentence } from '../timeline-sentence';

/** How this step's events read on the console's timeline, in both languages (case/timeline-sentence.ts). */
export const SENTENCES = {
  SanctionDecided: timelineSentence({
    words: {
      id: {
        recommended: '{actor} merekomendasikan {sanction} untuk {name} kepada {ppk}, {region} (surat {letter})',
        decided: '{actor} memutuskan {sanction} untuk {name}; dilaksanakan oleh {ppk}, {region} (surat {letter})',
      },
      en: {
        recommended: '{actor} recommended {sanction} for {name} to {ppk}, {region} (letter {letter})',
        decided: '{actor} decided {sanction} for {name}, carried out by {ppk}, {region} (letter {letter})',
      },
    },
    // KASN/BKN recommend to the PPK; the TNI, Polri and the regional head decide for their own respondents.
    sentence: (d, w) =>
      w.say(d.actor === 'BKN' || d.actor === 'KASN' ? 'recommended' : 'decided', {
        actor: w.label('Agency', d.actor),
        sanction: w.label('SanctionKind', d.sanction),
        name: w.name(d.respondentIds[0] ?? ''),
        ppk: d.ppkTitle ?? '',
        region: d.ppkRegionName ?? d.ppkRegionCode ?? '',
        letter: d.letterNumber ?? '',
      }),
  }),
  RespondentCleared: timelineSentence({
    words: {
      id: { cleared: '{actor} membebaskan {name} (surat {letter})' },
      en: { cleared: '{actor} cleared {name} (letter {letter})' },
    },
    sentence: (d, w) => w.say('cleared', { actor: w.label('Agency', d.actor), name: w.name(d.respondentIds[0] ?? ''), letter: d.letterNumber ?? '' }),
  }),
};
