import { maySeeRespondent } from '../../case/case-access';
import type { Actor } from '../../case/decide-context';
import type { FollowUpView } from '../models/follow-up.model';

/**
 * A respondent as the caller may see it (src/case/case-access.ts `maySeeRespondent`). One outside
 * the caller's region keeps only where its track stands — its id within the case, stage, outcome,
 * the violations, who must act, since when, due times, overdue, the follow-up status and the dates
 * and agencies of the steps — which tell a unit why the case waits without telling who. Withheld:
 * the identity (name, NIP, NRP, NIK, employment, position, institution), everything that places the person
 * (institution region, PPK and its region, the region counted in figures), the letters and decrees
 * addressed to that person's PPK (numbers that can be looked up), the sanctions, the reason a
 * follow-up is impossible (death, retirement, dismissal are personal facts), escalations and SIASN.
 */
export function forViewer(view: FollowUpView, handlingUnit: string, actor: Actor | null): FollowUpView {
  const place = { institutionRegionCode: view.institutionRegionCode, ppkRegionCode: view.ppkRegionCode };
  return maySeeRespondent(actor, handlingUnit, place) ? view : withheld(view);
}

export function withheld(view: FollowUpView): FollowUpView {
  return {
    ...view,
    identityWithheld: true,
    name: null,
    nip: null,
    nrp: null,
    nik: null,
    employment: null,
    position: null,
    institution: null,
    institutionRegionCode: null,
    regionCode: null,
    recommendationLetter: null,
    decisionLetter: null,
    recommendedSanction: null,
    ppk: null,
    ppkRegionCode: null,
    executedSanction: null,
    decreeNumber: null,
    impossibleReason: null,
    latestEscalation: null,
    siasnBlocked: null,
    decreeCorrection: null,
    studyNote: null,
  };
}
