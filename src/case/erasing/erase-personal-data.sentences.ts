import { timelineSentence } from '../timeline-sentence';

/** How this step's events read on the console's timeline, in both languages (case/timeline-sentence.ts). */
export const SENTENCES = {
  PersonalDataErased: timelineSentence({
    words: {
      id: { erased: 'Data pribadi dihapus: identitas pelapor dan nomor identitas terlapor dimusnahkan', legalHoldOverridden: ' (penahanan hukum dikesampingkan)' },
      en: { erased: 'Personal data erased: reporter identity and respondents’ identity numbers destroyed', legalHoldOverridden: ' (legal hold overridden)' },
    },
    sentence: (d, w) => w.say('erased') + (d.legalHoldOverridden ? w.say('legalHoldOverridden') : ''),
  }),
};
