import { timelineSentence } from '../timeline-sentence';

/** How this step's events read on the console's timeline, in both languages (case/timeline-sentence.ts). */
export const SENTENCES = {
  SanctionExecutionCorrected: timelineSentence({
    words: {
      id: { corrected: '{actor} mengoreksi SK untuk {name}: {previousDecree} ({previousSanction}) diganti {decree} ({sanction}): {status}' },
      en: { corrected: '{actor} corrected the decree for {name}: {previousDecree} ({previousSanction}) replaced by {decree} ({sanction}): {status}' },
    },
    sentence: (d, w) =>
      w.say('corrected', {
        actor: w.label('Agency', d.actor),
        name: w.name(d.respondentIds[0] ?? ''),
        previousDecree: d.previousDecreeNumber ?? '',
        previousSanction: w.label('SanctionKind', d.previousSanction),
        decree: d.decreeNumber ?? '',
        sanction: w.label('SanctionKind', d.sanction),
        status: w.label('FollowUpStatus', d.followUpStatus),
      }),
  }),
};
