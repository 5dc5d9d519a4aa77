/**
 * Indonesian non-working days besides weekends: national holidays (hari libur nasional),
 * collective leave (cuti bersama) and voting days declared holidays by presidential decree.
 *
 * This is data, not law: an administrator extends it each year when the joint decree of the
 * Ministers of Religious Affairs, Manpower and PANRB (SKB 3 Menteri) is signed, and amends it
 * when the decree is amended (as 18 Aug 2025 was added) or when the isbat session moves an
 * Islamic holiday. Dates below follow the SKBs as published in the press; see the notes on
 * 2026's lunar dates.
 */
export type HolidayKind = 'NATIONAL' | 'COLLECTIVE_LEAVE' | 'ELECTION_DAY';

export interface Holiday {
  /** WIB calendar day, `YYYY-MM-DD`. */
  date: string;
  name: string;
  kind: HolidayKind;
}

/** SKB 855/2023, 3/2023, 4/2023: 17 national holidays and 10 days of collective leave. */
const YEAR_2024: Holiday[] = [
  { date: '2024-01-01', name: 'Tahun Baru 2024 Masehi (New Year)', kind: 'NATIONAL' },
  { date: '2024-02-08', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'NATIONAL' },
  { date: '2024-02-09', name: 'Cuti bersama Tahun Baru Imlek', kind: 'COLLECTIVE_LEAVE' },
  { date: '2024-02-10', name: 'Tahun Baru Imlek 2575 Kongzili (Chinese New Year)', kind: 'NATIONAL' },
  // Presidential decree made voting day a holiday.
  { date: '2024-02-14', name: 'Pemungutan suara Pemilu 2024 (general election voting day)', kind: 'ELECTION_DAY' },
  { date: '2024-03-11', name: 'Hari Suci Nyepi Tahun Baru Saka 1946', kind: 'NATIONAL' },
  { date: '2024-03-12', name: 'Cuti bersama Hari Suci Nyepi', kind: 'COLLECTIVE_LEAVE' },
  { date: '2024-03-29', name: 'Wafat Isa Almasih (Good Friday)', kind: 'NATIONAL' },
  { date: '2024-03-31', name: 'Hari Paskah (Easter)', kind: 'NATIONAL' },
  { date: '2024-04-08', name: 'Cuti bersama Idul Fitri 1445 H', kind: 'COLLECTIVE_LEAVE' },
  { date: '2024-04-09', name: 'Cuti bersama Idul Fitri 1445 H', kind: 'COLLECTIVE_LEAVE' },
  { date: '2024-04-10', name: 'Hari Raya Idul Fitri 1445 H', kind: 'NATIONAL' },
  { date: '2024-04-11', name: 'Hari Raya Idul Fitri 1445 H', kind: 'NATIONAL' },
  { date: '2024-04-12', name: 'Cuti bersama Idul Fitri 1445 H', kind: 'COLLECTIVE_LEAVE' },
  { date: '2024-04-15', name: 'Cuti bersama Idul Fitri 1445 H', kind: 'COLLECTIVE_LEAVE' },
  { date: '2024-05-01', name: 'Hari Buruh Internasional (Labour Day)', kind: 'NATIONAL' },
  { date: '2024-05-09', name: 'Kenaikan Isa Almasih (Ascension Day)', kind: 'NATIONAL' },
  { date: '2024-05-10', name: 'Cuti bersama Kenaikan Isa Almasih', kind: 'COLLECTIVE_LEAVE' },
  { date: '2024-05-23', name: 'Hari Raya Waisak 2568 BE', kind: 'NATIONAL' },
  { date: '2024-05-24', name: 'Cuti bersama Hari Raya Waisak', kind: 'COLLECTIVE_LEAVE' },
  { date: '2024-06-01', name: 'Hari Lahir Pancasila', kind: 'NATIONAL' },
  { date: '2024-06-17', name: 'Hari Raya Idul Adha 1445 H', kind: 'NATIONAL' },
  { date: '2024-06-18', name: 'Cuti bersama Idul Adha 1445 H', kind: 'COLLECTIVE_LEAVE' },
  { date: '2024-07-07', name: 'Tahun Baru Islam 1446 H', kind: 'NATIONAL' },
  { date: '2024-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'NATIONAL' },
  { date: '2024-09-16', name: 'Maulid Nabi Muhammad SAW', kind: 'NATIONAL' },
  // Presidential decree made the simultaneous regional elections' voting day a holiday.
  { date: '2024-11-27', name: 'Pemungutan suara Pilkada serentak 2024 (regional election voting day)', kind: 'ELECTION_DAY' },
  { date: '2024-12-25', name: 'Hari Raya Natal (Christmas)', kind: 'NATIONAL' },
  { date: '2024-12-26', name: 'Cuti bersama Hari Raya Natal', kind: 'COLLECTIVE_LEAVE' },
];

/** SKB 1017/2024, 2/2024, 2/2024 (14 Oct 2024), amended by SKB 933/2025, 1/2025, 3/2025 (7 Aug 2025). */
const YEAR_2025: Holiday[] = [
  { date: '2025-01-01', name: 'Tahun Baru 2025 Masehi (New Year)', kind: 'NATIONAL' },
  { date: '2025-01-27', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'NATIONAL' },
  { date: '2025-01-28', name: 'Cuti bersama Tahun Baru Imlek', kind: 'COLLECTIVE_LEAVE' },
  { date: '2025-01-29', name: 'Tahun Baru Imlek 2576 Kongzili (Chinese New Year)', kind: 'NATIONAL' },
  { date: '2025-03-28', name: 'Cuti bersama Hari Suci Nyepi', kind: 'COLLECTIVE_LEAVE' },
  { date: '2025-03-29', name: 'Hari Suci Nyepi Tahun Baru Saka 1947', kind: 'NATIONAL' },
  { date: '2025-03-31', name: 'Hari Raya Idul Fitri 1446 H', kind: 'NATIONAL' },
  { date: '2025-04-01', name: 'Hari Raya Idul Fitri 1446 H', kind: 'NATIONAL' },
  { date: '2025-04-02', name: 'Cuti bersama Idul Fitri 1446 H', kind: 'COLLECTIVE_LEAVE' },
  { date: '2025-04-03', name: 'Cuti bersama Idul Fitri 1446 H', kind: 'COLLECTIVE_LEAVE' },
  { date: '2025-04-04', name: 'Cuti bersama Idul Fitri 1446 H', kind: 'COLLECTIVE_LEAVE' },
  { date: '2025-04-07', name: 'Cuti bersama Idul Fitri 1446 H', kind: 'COLLECTIVE_LEAVE' },
  { date: '2025-04-18', name: 'Wafat Yesus Kristus (Good Friday)', kind: 'NATIONAL' },
  { date: '2025-04-20', name: 'Kebangkitan Yesus Kristus (Easter)', kind: 'NATIONAL' },
  { date: '2025-05-01', name: 'Hari Buruh Internasional (Labour Day)', kind: 'NATIONAL' },
  { date: '2025-05-12', name: 'Hari Raya Waisak 2569 BE', kind: 'NATIONAL' },
  { date: '2025-05-13', name: 'Cuti bersama Hari Raya Waisak', kind: 'COLLECTIVE_LEAVE' },
  { date: '2025-05-29', name: 'Kenaikan Yesus Kristus (Ascension Day)', kind: 'NATIONAL' },
  { date: '2025-05-30', name: 'Cuti bersama Kenaikan Yesus Kristus', kind: 'COLLECTIVE_LEAVE' },
  { date: '2025-06-01', name: 'Hari Lahir Pancasila', kind: 'NATIONAL' },
  { date: '2025-06-06', name: 'Hari Raya Idul Adha 1446 H', kind: 'NATIONAL' },
  { date: '2025-06-09', name: 'Cuti bersama Idul Adha 1446 H', kind: 'COLLECTIVE_LEAVE' },
  { date: '2025-06-27', name: 'Tahun Baru Islam 1447 H', kind: 'NATIONAL' },
  { date: '2025-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'NATIONAL' },
  { date: '2025-08-18', name: 'Cuti bersama HUT ke-80 Kemerdekaan RI (added by the Aug 2025 amendment)', kind: 'COLLECTIVE_LEAVE' },
  { date: '2025-09-05', name: 'Maulid Nabi Muhammad SAW', kind: 'NATIONAL' },
  { date: '2025-12-25', name: 'Hari Raya Natal (Christmas)', kind: 'NATIONAL' },
  { date: '2025-12-26', name: 'Cuti bersama Hari Raya Natal', kind: 'COLLECTIVE_LEAVE' },
];

/**
 * SKB 1497/2025, 2/2025, 5/2025 (signed 19 Sep 2025): 17 national holidays, 8 days of collective
 * leave. Uncertain: the Islamic holidays (Isra Mikraj, Idul Fitri 1447 H on 21–22 Mar, Idul Adha,
 * 1 Muharram, Maulid) are the SKB's estimates; the isbat session may move them and the SKB may be
 * amended — check before relying on deadlines that cross them.
 */
const YEAR_2026: Holiday[] = [
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi (New Year)', kind: 'NATIONAL' },
  { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'NATIONAL' },
  { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek', kind: 'COLLECTIVE_LEAVE' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili (Chinese New Year)', kind: 'NATIONAL' },
  { date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi', kind: 'COLLECTIVE_LEAVE' },
  { date: '2026-03-19', name: 'Hari Suci Nyepi Tahun Baru Saka 1948', kind: 'NATIONAL' },
  { date: '2026-03-20', name: 'Cuti bersama Idul Fitri 1447 H', kind: 'COLLECTIVE_LEAVE' },
  { date: '2026-03-21', name: 'Hari Raya Idul Fitri 1447 H', kind: 'NATIONAL' },
  { date: '2026-03-22', name: 'Hari Raya Idul Fitri 1447 H', kind: 'NATIONAL' },
  { date: '2026-03-23', name: 'Cuti bersama Idul Fitri 1447 H', kind: 'COLLECTIVE_LEAVE' },
  { date: '2026-03-24', name: 'Cuti bersama Idul Fitri 1447 H', kind: 'COLLECTIVE_LEAVE' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus (Good Friday)', kind: 'NATIONAL' },
  { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Easter)', kind: 'NATIONAL' },
  { date: '2026-05-01', name: 'Hari Buruh Internasional (Labour Day)', kind: 'NATIONAL' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus (Ascension Day)', kind: 'NATIONAL' },
  { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus', kind: 'COLLECTIVE_LEAVE' },
  { date: '2026-05-27', name: 'Hari Raya Idul Adha 1447 H', kind: 'NATIONAL' },
  { date: '2026-05-28', name: 'Cuti bersama Idul Adha 1447 H', kind: 'COLLECTIVE_LEAVE' },
  { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'NATIONAL' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'NATIONAL' },
  { date: '2026-06-16', name: 'Tahun Baru Islam 1448 H', kind: 'NATIONAL' },
  { date: '2026-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'NATIONAL' },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW', kind: 'NATIONAL' },
  { date: '2026-12-24', name: 'Cuti bersama Hari Raya Natal', kind: 'COLLECTIVE_LEAVE' },
  { date: '2026-12-25', name: 'Hari Raya Natal (Christmas)', kind: 'NATIONAL' },
];

export const INDONESIAN_HOLIDAYS: readonly Holiday[] = Object.freeze([...YEAR_2024, ...YEAR_2025, ...YEAR_2026]);
