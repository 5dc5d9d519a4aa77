import type { CaseCommand } from '../case/case';
import type { Actor } from '../case/decide-context';
import type { ReportCase } from '../case/reporting/report-case';

/**
 * Demo cases drawn from the seed scenarios of shared/DOMAIN.md §9 (South Sumatra, Pilkada 2024;
 * Kota Solok, Pemilu 2024). Every name, NIP and letter number is invented.
 */

const bawaslu = (region: string): Actor => ({ agency: 'BAWASLU', region, userId: `demo-bawaslu-${region}` });
const bkn: Actor = { agency: 'BKN', region: null, userId: 'demo-bkn' };
const kasn: Actor = { agency: 'KASN', region: null, userId: 'demo-kasn' };
const ppk = (region: string): Actor => ({ agency: 'PPK', region, userId: `demo-ppk-${region}` });

type Step = (caseId: string) => CaseCommand;
export interface DemoCase {
  key: string;
  steps: Step[];
}

const DAY = 86_400_000;
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY).toISOString();

function report(actor: Actor, input: ReportCase['input']): Step {
  return (caseId) => ({ type: 'ReportCase', actor, caseId, input });
}
/** `proven`: the violations a VIOLATION finding names (the case's own, in these scenarios). */
const study = (actor: Actor, studiedAt: string, findings: Array<[string, string]>, proven: string[]): Step => (caseId) => ({
  type: 'RecordStudy', actor, caseId,
  input: { studiedAt, findings: findings.map(([respondentId, outcome]) => ({ respondentId, outcome, ...(outcome === 'VIOLATION' ? { violations: proven } : {}) })) },
});
const recommend = (actor: Actor, ids: string[], recipient: string, letterNumber: string, issuedAt: string): Step => (caseId) => ({
  type: 'IssueRecommendation', actor, caseId, input: { respondentIds: ids, recipient, letterNumber, issuedAt },
});
const sanction = (actor: Actor, respondentId: string, kind: string, ppkTitle: string, region: string, letterNumber: string, decidedAt: string): Step =>
  (caseId) => ({
    type: 'DecideSanction', actor, caseId,
    input: { respondentId, decision: 'SANCTION', sanction: kind, ppk: { title: ppkTitle, regionCode: region }, letterNumber, decidedAt },
  });
const clear = (actor: Actor, respondentId: string, letterNumber: string, decidedAt: string): Step => (caseId) => ({
  type: 'DecideSanction', actor, caseId, input: { respondentId, decision: 'CLEAR', letterNumber, decidedAt },
});
const execute = (actor: Actor, respondentId: string, kind: string, decreeNumber: string, executedAt: string): Step => (caseId) => ({
  type: 'RecordSanctionExecution', actor, caseId, input: { respondentId, sanction: kind, decreeNumber, executedAt },
});
const impossible = (actor: Actor, respondentId: string, reason: string, note: string, declaredAt: string): Step => (caseId) => ({
  type: 'DeclareFollowUpImpossible', actor, caseId, input: { respondentId, reason, note, declaredAt },
});

const pilkada = (regionCode: string) => ({ kind: 'PILKADA', year: 2024, regionCode });
const asn = (name: string, nip: string, position: string, institution: string, institutionRegionCode: string) =>
  ({ name, nip, employment: 'PNS', position, institution, institutionRegionCode });

export function demoCases(now: Date): DemoCase[] {
  return [
    {
      key: 'lubuklinggau-kepala-dinas',
      steps: [
        report(bawaslu('16.73'), {
          source: 'REPORT', election: pilkada('16.73'), handlingUnit: '16.73',
          occurredAt: '2024-09-14T09:00:00+07:00', knownAt: '2024-09-15T10:00:00+07:00', receivedAt: '2024-09-16T11:00:00+07:00',
          place: 'Gedung serbaguna, Lubuk Linggau', summary: 'A head of agency attended a candidate pair’s declaration and spoke in support.',
          violations: ['ACTIVE_SUPPORT_AT_CAMPAIGN'],
          respondents: [asn('Hendra Saputra', '197804122005011003', 'Kepala Dinas', 'Pemerintah Kota Lubuk Linggau', '16.73')],
          reporter: { name: 'Rina Marlina', phone: '+62 812 0000 1111', email: 'rina@example.org', address: 'Lubuk Linggau' },
          evidence: ['Foto kegiatan deklarasi', 'Video 2 menit'],
        }),
        study(bawaslu('16.73'), '2024-09-19T15:00:00+07:00', [['R1', 'VIOLATION']], ['ACTIVE_SUPPORT_AT_CAMPAIGN']),
        recommend(bawaslu('16.73'), ['R1'], 'BKN', '045/PP.00.02/K.SS-11/09/2024', '2024-09-20T10:00:00+07:00'),
        sanction(bkn, 'R1', 'STATEMENT_OF_DISSATISFACTION', 'Walikota Lubuk Linggau', '16.73', 'B-1444/JP.01/10/2024', '2024-10-01T10:00:00+07:00'),
        execute(ppk('16.73'), 'R1', 'STATEMENT_OF_DISSATISFACTION', '800/117/BKPSDM/2024', '2024-10-10T10:00:00+07:00'),
      ],
    },
    {
      key: 'lubuklinggau-camat-kaos',
      steps: [
        report(bawaslu('16.73'), {
          source: 'FINDING', election: pilkada('16.73'), handlingUnit: '16.73',
          occurredAt: '2024-09-25T08:00:00+07:00', knownAt: '2024-09-25T12:00:00+07:00', receivedAt: '2024-09-26T09:00:00+07:00',
          summary: 'A camat wore a candidate’s T-shirt at a sub-district event; a staff member stood beside him.',
          violations: ['PARTISAN_ACTIVITY'],
          respondents: [
            asn('Ahmad Fauzi', '198203152008011002', 'Camat', 'Kecamatan Lubuk Linggau Barat I', '16.73'),
            asn('Dewi Anggraini', '199001202015032001', 'Staf Kecamatan', 'Kecamatan Lubuk Linggau Barat I', '16.73'),
          ],
        }),
        study(bawaslu('16.73'), '2024-09-30T15:00:00+07:00', [['R1', 'VIOLATION'], ['R2', 'NO_VIOLATION']], ['PARTISAN_ACTIVITY']),
        recommend(bawaslu('16.73'), ['R1'], 'BKN', '051/PP.00.02/K.SS-11/10/2024', '2024-10-02T10:00:00+07:00'),
        sanction(bkn, 'R1', 'MORAL_OPEN', 'Walikota Lubuk Linggau', '16.73', 'B-1502/JP.01/10/2024', '2024-10-15T10:00:00+07:00'),
        execute(ppk('16.73'), 'R1', 'MORAL_CLOSED', '800/131/BKPSDM/2024', '2024-11-04T10:00:00+07:00'),
      ],
    },
    {
      key: 'pagar-alam-camat-medsos',
      steps: [
        report(bawaslu('16.72'), {
          source: 'FINDING', election: pilkada('16.72'), handlingUnit: '16.72',
          knownAt: '2024-10-03T09:00:00+07:00', receivedAt: '2024-10-03T14:00:00+07:00',
          summary: 'A camat posted and shared a candidate’s campaign material on social media.',
          violations: ['SOCIAL_MEDIA_ENGAGEMENT'],
          respondents: [asn('Yusuf Hidayat', '197911032006041001', 'Camat', 'Kecamatan Dempo Utara', '16.72')],
        }),
        study(bawaslu('16.72'), '2024-10-07T15:00:00+07:00', [['R1', 'VIOLATION']], ['SOCIAL_MEDIA_ENGAGEMENT']),
        recommend(bawaslu('16.72'), ['R1'], 'BKN', '023/PP.00.02/K.SS-10/10/2024', '2024-10-08T10:00:00+07:00'),
        sanction(bkn, 'R1', 'MORAL_OPEN', 'Walikota Pagar Alam', '16.72', 'B-1610/JP.01/10/2024', '2024-10-28T10:00:00+07:00'),
      ],
    },
    {
      key: 'prabumulih-sekcam',
      steps: [
        report(bawaslu('16.74'), {
          source: 'REPORT', election: pilkada('16.74'), handlingUnit: '16.74',
          knownAt: '2024-10-10T09:00:00+07:00', receivedAt: '2024-10-11T10:00:00+07:00',
          summary: 'A district secretary was said to have attended a candidate’s registration at the KPU.',
          violations: ['ATTENDING_CAMPAIGN'],
          respondents: [asn('Sri Wahyuni', '198506172010012004', 'Sekretaris Kecamatan', 'Kecamatan Prabumulih Timur', '16.74')],
          reporter: { name: 'Bambang Irawan', phone: '+62 813 0000 2222' },
        }),
        study(bawaslu('16.74'), '2024-10-14T15:00:00+07:00', [['R1', 'VIOLATION']], ['ATTENDING_CAMPAIGN']),
        recommend(bawaslu('16.74'), ['R1'], 'BKN', '031/PP.00.02/K.SS-14/10/2024', '2024-10-15T10:00:00+07:00'),
        clear(bkn, 'R1', 'B-1655/JP.01/11/2024', '2024-11-05T10:00:00+07:00'),
      ],
    },
    {
      key: 'oki-dprd-secretariat',
      steps: [
        report(bawaslu('16.02'), {
          source: 'FINDING', election: pilkada('16'), handlingUnit: '16.02',
          knownAt: '2024-10-20T09:00:00+07:00', receivedAt: '2024-10-20T15:00:00+07:00',
          summary: 'An ASN at the regency DPRD secretariat campaigned for a governor candidate online.',
          violations: ['ONLINE_CAMPAIGN'],
          respondents: [asn('Rudi Hartono', '198702112011011005', 'Analis', 'Sekretariat DPRD Kabupaten Ogan Komering Ilir', '16.02')],
        }),
        study(bawaslu('16.02'), '2024-10-23T15:00:00+07:00', [['R1', 'VIOLATION']], ['ONLINE_CAMPAIGN']),
        recommend(bawaslu('16.02'), ['R1'], 'BKN', '017/PP.00.02/K.SS-02/10/2024', '2024-10-25T10:00:00+07:00'),
      ],
    },
    {
      key: 'oku-timur-pengawas-sekolah',
      steps: [
        report(bawaslu('16.08'), {
          source: 'FINDING', election: pilkada('16.08'), handlingUnit: '16.08',
          knownAt: '2024-09-10T09:00:00+07:00', receivedAt: '2024-09-10T13:00:00+07:00',
          summary: 'A school supervisor gathered teachers to support a candidate pair.',
          violations: ['MOBILISING_STAFF'],
          respondents: [asn('Siti Rahmawati', '197612252000032002', 'Pengawas Sekolah', 'Dinas Pendidikan OKU Timur', '16.08')],
        }),
        study(bawaslu('16.08'), '2024-09-13T15:00:00+07:00', [['R1', 'VIOLATION']], ['MOBILISING_STAFF']),
        recommend(bawaslu('16.08'), ['R1'], 'BKN', '009/PP.00.02/K.SS-08/09/2024', '2024-09-16T10:00:00+07:00'),
        sanction(bkn, 'R1', 'ALLOWANCE_CUT_6M', 'Bupati Ogan Komering Ulu Timur', '16.08', 'B-1390/JP.01/09/2024', '2024-09-27T10:00:00+07:00'),
        execute(ppk('16.08'), 'R1', 'ALLOWANCE_CUT_6M', '862/045/BKPSDM/2024', '2024-10-21T10:00:00+07:00'),
      ],
    },
    {
      key: 'solok-sipol',
      steps: [
        report(bawaslu('13.72'), {
          source: 'FINDING', election: { kind: 'PEMILU', year: 2024, regionCode: '13' }, handlingUnit: '13.72',
          knownAt: '2023-11-06T09:00:00+07:00', receivedAt: '2023-11-06T14:00:00+07:00',
          summary: 'An ASN was found listed as a party member in SIPOL.',
          violations: ['PARTY_MEMBERSHIP'],
          respondents: [asn('Zulkifli Anwar', '196507081990031003', 'Kepala Seksi', 'Pemerintah Kota Solok', '13.72')],
        }),
        study(bawaslu('13.72'), '2023-11-20T15:00:00+07:00', [['R1', 'VIOLATION']], ['PARTY_MEMBERSHIP']),
        recommend(bawaslu('13.72'), ['R1'], 'KASN', '012/PP.00.02/K.SB-05/11/2023', '2023-11-22T10:00:00+07:00'),
        sanction(kasn, 'R1', 'DEMOTION_12M', 'Walikota Solok', '13.72', 'B-3120/KASN/12/2023', '2023-12-12T10:00:00+07:00'),
        impossible(ppk('13.72'), 'R1', 'RETIRED', 'Entered retirement (pensiun) on 1 Feb 2024 before the decree.', '2024-02-05T10:00:00+07:00'),
      ],
    },
    {
      key: 'palembang-recent-report',
      steps: [
        report(bawaslu('16.71'), {
          source: 'REPORT', election: pilkada('16'), handlingUnit: '16.71',
          knownAt: daysAgo(now, 3), receivedAt: daysAgo(now, 2),
          summary: 'A lurah is said to have handed out a candidate’s calendars at a neighbourhood meeting.',
          violations: ['CAMPAIGN_PROPS'],
          respondents: [asn('Joko Prasetyo', '198808082014021001', 'Lurah', 'Pemerintah Kota Palembang', '16.71')],
          reporter: { name: 'Wulan Sari', email: 'wulan@example.org' },
        }),
      ],
    },
    {
      key: 'muba-recent-study',
      steps: [
        report(bawaslu('16.06'), {
          source: 'FINDING', election: pilkada('16.06'), handlingUnit: '16.06',
          knownAt: daysAgo(now, 6), receivedAt: daysAgo(now, 6),
          summary: 'Village officials and an ASN are alleged to have mobilised votes through RT/RW heads.',
          violations: ['MOBILISING_STAFF', 'PARTISAN_ACTIVITY'],
          respondents: [
            asn('Agus Salim', '197501012001121001', 'Kepala Bidang', 'Pemerintah Kabupaten Musi Banyuasin', '16.06'),
            { name: 'Marwan', employment: 'VILLAGE_HEAD', position: 'Kepala Desa', institution: 'Desa Sungai Lilin', institutionRegionCode: '16.06' },
          ],
        }),
        study(bawaslu('16.06'), daysAgo(now, 2), [['R1', 'VIOLATION'], ['R2', 'FORWARDED']], ['MOBILISING_STAFF', 'PARTISAN_ACTIVITY']),
      ],
    },
  ];
}
