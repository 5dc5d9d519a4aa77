import type { ElectionKind } from '../case-vocabulary';

/**
 * The simultaneous elections Netra knows, with their voting day (KPU decisions): what the new-case
 * form offers, so that an officer picks an election that took place rather than typing a year.
 * `reportCase` still accepts any year from 2004 (a by-election, or a year added here later).
 */
export const KNOWN_ELECTIONS: ReadonlyArray<{ kind: ElectionKind; year: number; votingDay: string }> = [
  { kind: 'PEMILU', year: 2024, votingDay: '2024-02-14' },
  { kind: 'PILKADA', year: 2024, votingDay: '2024-11-27' },
  { kind: 'PILKADA', year: 2020, votingDay: '2020-12-09' },
  { kind: 'PEMILU', year: 2019, votingDay: '2019-04-17' },
  { kind: 'PILKADA', year: 2018, votingDay: '2018-06-27' },
  { kind: 'PILKADA', year: 2017, votingDay: '2017-02-15' },
  { kind: 'PILKADA', year: 2015, votingDay: '2015-12-09' },
  { kind: 'PEMILU', year: 2014, votingDay: '2014-04-09' },
];
