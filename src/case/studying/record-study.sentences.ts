import { timelineSentence } from '../timeline-sentence';

/** How this step's events read on the console's timeline, in both languages (case/timeline-sentence.ts). */
export const SENTENCES = {
  CaseStudied: timelineSentence({
    words: {
      id: { studied: 'Hasil kajian: {findings}', finding: '{name} — {outcome}', findingViolations: '{name} — {outcome}: {violations}' },
      en: { studied: 'Study completed: {findings}', finding: '{name} — {outcome}', findingViolations: '{name} — {outcome}: {violations}' },
    },
    sentence: (d, w) => {
      const findings = (d.findings ?? []).map((f) => {
        const outcome = w.label('StudyOutcome', f.outcome);
        if (f.outcome !== 'VIOLATION' || f.violations.length === 0) return w.say('finding', { name: w.name(f.respondentId), outcome });
        return w.say('findingViolations', { name: w.name(f.respondentId), outcome, violations: f.violations.map((v) => w.label('ViolationCode', v)).join('; ') });
      });
      return w.say('studied', { findings: findings.join(' · ') });
    },
  }),
};
