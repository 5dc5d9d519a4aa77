import type { ElectionKind, Employment } from './case-vocabulary';

/** The records the events of several steps carry (the case's election, its respondents, a due time's rule, a PPK). */

export interface Election {
  kind: ElectionKind;
  year: number;
  /** Kemendagri code of the electoral area: a province or a regency/city. */
  regionCode: string;
}

export interface RespondentRecord {
  respondentId: string;
  name: string;
  /** NIP of an ASN (PNS, PPPK); sealed when stored, like NRP and NIK (src/privacy). */
  nip: string | null;
  /** NRP of a TNI or Polri member; absent in events recorded before respondents who are not ASN. */
  nrp?: string | null;
  /** NIK of a village head or official; absent in older events. */
  nik?: string | null;
  employment: Employment;
  position: string | null;
  institution: string;
  institutionRegionCode: string | null;
}

export interface Reporter {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

/** Which rule set a due date, so a later policy change never rewrites it. */
export interface DeadlineApplied {
  policyVersion: string;
  days: number;
  unit: 'CALENDAR' | 'WORKING';
  basis: string;
  /**
   * True when a working-day count ran through a year whose holiday decree was not in Netra's calendar:
   * the due time is recounted when that year is published (DueTimeRecomputed). Absent in older events.
   */
  provisional?: boolean;
}

export interface Ppk {
  /**
   * e.g. "Walikota Lubuk Linggau" — the regional head acting as Pejabat Pembina Kepegawaian; for a TNI or
   * Polri member the commander who punishes (e.g. "Dandim 0406/Lubuklinggau"), for a village respondent
   * the bupati/walikota.
   */
  title: string;
  regionCode: string;
}
