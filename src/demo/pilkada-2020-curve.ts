/**
 * The Pilkada 2020 follow-up curve as published at the time (shared/DOMAIN.md §1), counted in
 * persons: ASN reported, recommended by KASN (a sanction KASN decided), sanctioned by their PPK
 * (the sanction executed). Each row holds as of the end of its day in WIB.
 */
export interface CurveRow {
  /** The WIB calendar day of the figure. */
  day: string;
  /** 00:00 WIB of the next day: everything dated up to and including this instant counts. */
  asOf: Date;
  reported: number;
  recommended: number;
  sanctioned: number;
  /** The rate as printed (sanctioned / recommended); `~` where the source rounded loosely. */
  publishedRate: string;
  note: string | null;
}

const row = (day: string, reported: number, recommended: number, sanctioned: number, publishedRate: string, note: string | null = null): CurveRow => ({
  day,
  asOf: new Date(`${day}T17:00:00Z`),
  reported,
  recommended,
  sanctioned,
  publishedRate,
  note,
});

export const PILKADA_2020_CURVE: readonly CurveRow[] = [
  row('2020-06-26', 369, 283, 99, '35%'),
  row('2020-08-19', 490, 372, 194, '52.2%'),
  row('2020-10-13', 732, 518, 273, '52.7%'),
  row('2020-11-02', 812, 604, 344, '57%'),
  row('2020-11-26', 1005, 727, 580, '~80%', 'BKN: 147 not followed up, 121 in process, 26 blocked in SIASN'),
  row('2020-12-19', 1305, 872, 635, '~73%'),
  // Published as "Dec 2021": read as the end of that month.
  row('2021-12-31', 2007, 1588, 1365, '86%'),
  // KASN's final figure, published in Feb 2024.
  row('2024-02-29', 2034, 1597, 1450, '90.8%', 'final (KASN)'),
];

/** Before the first report of the history: the first row counts from here. */
export const PILKADA_2020_START = new Date('2020-01-01T00:00:00+07:00');

/** The decider's `now` for the whole history: the day after the final figure. */
export const PILKADA_2020_NOW = new Date('2024-03-01T12:00:00+07:00');

/**
 * Kemendagri's reprimand of 67 regional heads sitting on 131 unexecuted recommendations (3-day
 * ultimatum, PP 12/2017). DOMAIN.md dates it only "October 2020"; it falls before the 13 Oct row
 * here, and the day is an assumption.
 */
export const KEMENDAGRI_REPRIMAND_2020 = {
  at: new Date('2020-10-08T10:00:00+07:00'),
  regionalHeads: 67,
  persons: 131,
} as const;

/** BKN's 26 Nov 2020 figure: persons blocked in SIASN by then, all among the 147 not followed up. */
export const SIASN_BLOCKED_2020 = {
  from: new Date('2020-11-09T00:00:00+07:00'),
  byRow: '2020-11-26',
  persons: 26,
} as const;
