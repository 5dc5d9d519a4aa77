import type { DeliveryRow } from './notify-tables';

/** What an officer reads: Indonesian, numbers and names only where the recipient unit may see them. */
const SUBJECTS: Record<string, string> = {
  CASE_REPORTED: 'Kasus baru diterima',
  RECOMMENDATION_RECEIVED: 'Rekomendasi Bawaslu diterima',
  SANCTION_DECIDED: 'Keputusan sanksi untuk ditindaklanjuti',
  RESPONDENT_CLEARED: 'Terlapor dinyatakan tidak dijatuhi sanksi',
  SANCTION_EXECUTED: 'Sanksi telah dilaksanakan',
  DEADLINE_PASSED: 'Batas waktu terlampaui',
};

const STEPS: Record<string, string> = {
  STUDY: 'kajian',
  RECOMMENDATION: 'rekomendasi',
  SANCTION_DECISION: 'keputusan sanksi',
  EXECUTION: 'pelaksanaan sanksi',
};

const WIB = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const wib = (iso: string) => `${WIB.format(new Date(iso))} WIB`;

export interface MessageRespondent {
  respondentId: string;
  name: string | null;
  identityWithheld: boolean;
}

/** The facts a message carries, the same for e-mail and webhook. */
export interface NotificationPayload {
  deliveryId: string;
  eventId: string;
  kind: string;
  unit: string;
  caseId: string;
  registerNumber: string;
  occurredAt: string;
  respondents: MessageRespondent[];
  letterNumber: string | null;
  decreeNumber: string | null;
  recipient: string | null;
  step: string | null;
  dueAt: string | null;
  waitingOn: string | null;
  ppkTitle: string | null;
}

/** `names`: respondent id → name, already limited to the respondents the unit may see. */
export function payloadOf(row: DeliveryRow, names: Map<string, string>): NotificationPayload {
  const d = row.details;
  return {
    deliveryId: row.id,
    eventId: row.eventId,
    kind: row.kind,
    unit: row.unit,
    caseId: row.caseId,
    registerNumber: row.registerNumber,
    occurredAt: row.occurredAt.toISOString(),
    respondents: row.respondentIds.map((id) => {
      const visible = row.visibleIds.includes(id);
      return { respondentId: id, name: visible ? (names.get(id) ?? null) : null, identityWithheld: !visible };
    }),
    letterNumber: d.letterNumber ?? null,
    decreeNumber: d.decreeNumber ?? null,
    recipient: d.recipient ?? null,
    step: d.step ?? null,
    dueAt: d.dueAt ? new Date(d.dueAt).toISOString() : null,
    waitingOn: d.waitingOn ?? null,
    ppkTitle: d.ppkTitle ?? null,
  };
}

export function emailOf(p: NotificationPayload): { subject: string; text: string } {
  const subject = `[Netra] ${SUBJECTS[p.kind] ?? p.kind}: ${p.registerNumber}`;
  const lines = [
    `${SUBJECTS[p.kind] ?? p.kind} untuk unit ${p.unit}.`,
    '',
    `Nomor register: ${p.registerNumber}`,
    `Kasus: ${p.caseId}`,
    `Waktu: ${wib(p.occurredAt)}`,
  ];
  if (p.letterNumber) lines.push(`Nomor surat: ${p.letterNumber}`);
  if (p.decreeNumber) lines.push(`Nomor SK: ${p.decreeNumber}`);
  if (p.ppkTitle) lines.push(`Pejabat yang melaksanakan: ${p.ppkTitle}`);
  if (p.step) lines.push(`Tahap yang terlambat: ${STEPS[p.step] ?? p.step}`);
  if (p.dueAt) lines.push(`Batas waktu: ${wib(p.dueAt)}`);
  lines.push('', 'Terlapor:');
  for (const r of p.respondents) {
    lines.push(r.identityWithheld ? `- ${r.respondentId}: terlapor lain di luar wilayah Anda` : `- ${r.respondentId}: ${r.name ?? '(nama belum tersedia, lihat Netra)'}`);
  }
  lines.push('', 'Pesan ini dikirim otomatis oleh Netra. Buka kasus di Netra untuk rinciannya.');
  return { subject, text: lines.join('\n') };
}
