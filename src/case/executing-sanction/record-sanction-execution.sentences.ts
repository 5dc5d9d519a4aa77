import { timelineSentence } from '../timeline-sentence';

/** How this step's events read on the console's timeline, in both languages (case/timeline-sentence.ts). */
export const SENTENCES = {
  SanctionExecuted: timelineSentence({
    words: {
      id: { executed: '{actor} melaksanakan {sanction} untuk {name} dengan SK {decree}: {status}' },
      en: { executed: '{actor} executed {sanction} for {name} by decree {decree}: {status}' },
    },
    sentence: (d, w) =>
      w.say('executed', {
        actor: w.label('Agency', d.actor),
        sanction: w.label('SanctionKind', d.sanction),
        name: w.name(d.respondentIds[0] ?? ''),
        decree: d.decreeNumber ?? '',
        status: w.label('FollowUpStatus', d.followUpStatus),
      }),
  }),
};
