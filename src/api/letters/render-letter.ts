import type PDFKitDocument from 'pdfkit';

/** pdfkit on first use: loading it costs about 0.2 s, which every start would pay otherwise. */
function pdfkit(): typeof PDFKitDocument {
  return require('pdfkit') as typeof PDFKitDocument;
}
import type { LetterFacts } from '../../case/generating-letter/letter-facts';
import { LABELS_ID } from '../../case/case-vocabulary-id';
import { addressee, counted, electionName, indonesianDate, legalBasis, letterhead, letterPlace, regionTitle, signatory, SUBJECT } from './letter-wording';

/** What the caller may see of a respondent the letter names (from the read side's visibility rule). */
export interface LetterPerson {
  name: string;
  nip: string | null;
  position: string | null;
  institution: string | null;
}

const MARGIN = 64;

/**
 * The letter as a PDF in the agencies' layout: letterhead, number and date, addressee, subject, the
 * respondents the caller may see, the norms violated and the legal basis, then the signature block.
 * The standard Helvetica covers Latin-1, which is all Indonesian needs, so no font is embedded.
 * The PDF's dates are the letter's own, so the same facts give the same bytes.
 */
export function renderLetter(facts: LetterFacts, people: ReadonlyMap<string, LetterPerson>): Promise<Buffer> {
  const date = new Date(facts.date);
  const PDFDocument = pdfkit();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${SUBJECT[facts.kind]} ${facts.letterNumber}`, Author: 'Netra', Producer: 'Netra', Creator: 'Netra', CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const authorUnit = facts.author === 'BAWASLU' ? facts.handlingUnit : null;

  // Letterhead
  const [agency, unit] = letterhead(facts.author, facts.handlingUnit);
  doc.font('Helvetica-Bold').fontSize(14).text(agency, { align: 'center' });
  doc.fontSize(12).text(unit, { align: 'center' });
  const rule = doc.y + 4;
  doc.moveTo(MARGIN, rule).lineTo(MARGIN + width, rule).lineWidth(1.5).stroke();
  doc.moveDown(1.2);

  doc.font('Helvetica').fontSize(11);
  doc.text(`${letterPlace(authorUnit)}, ${indonesianDate(facts.date, authorUnit)}`, { align: 'right' });
  doc.moveDown(0.5);
  field(doc, 'Nomor', facts.letterNumber);
  field(doc, 'Sifat', 'Penting');
  field(doc, 'Lampiran', '-');
  field(doc, 'Hal', SUBJECT[facts.kind]);
  doc.moveDown();

  doc.text('Yth.');
  for (const line of addressee(facts.kind, facts.recipient, facts.ppk)) doc.text(line);
  doc.moveDown();

  const where = regionTitle(facts.election.regionCode) ?? 'Republik Indonesia';
  if (facts.kind === 'RECOMMENDATION') {
    doc.text(
      `Berdasarkan hasil kajian atas dugaan pelanggaran netralitas Aparatur Sipil Negara dengan nomor register ${facts.registerNumber} pada ${electionName(facts.election)} ${where}, ` +
        `${signatory('BAWASLU', facts.handlingUnit).replace(/^Ketua /, '')} menyatakan terlapor berikut terbukti melanggar netralitas ASN dan merekomendasikan penjatuhan sanksi sesuai ketentuan peraturan perundang-undangan:`,
      { align: 'justify' },
    );
  } else {
    const basis = facts.recommendationLetterNumber ? ` Nomor ${facts.recommendationLetterNumber}` : '';
    doc.text(
      `Menindaklanjuti rekomendasi Badan Pengawas Pemilihan Umum${basis} atas perkara dengan nomor register ${facts.registerNumber} pada ${electionName(facts.election)} ${where}, ` +
        `bersama ini disampaikan rekomendasi kepada Saudara selaku Pejabat Pembina Kepegawaian untuk menjatuhkan sanksi kepada:`,
      { align: 'justify' },
    );
  }
  doc.moveDown(0.5);

  facts.respondents.forEach((r, i) => {
    const person = people.get(r.respondentId);
    doc.font('Helvetica-Bold').text(`${i + 1}. ${person?.name ?? `Terlapor ${r.respondentId}`}`);
    doc.font('Helvetica');
    const indent = { indent: 14 };
    if (person?.nip) doc.text(`NIP: ${person.nip}`, indent);
    if (person?.position) doc.text(`Jabatan: ${person.position}`, indent);
    if (person?.institution) doc.text(`Instansi: ${person.institution}`, indent);
    doc.text(`Pelanggaran: ${r.violations.map((v) => LABELS_ID.ViolationCode[v]).join('; ')}`, indent);
    if (r.sanction) doc.text(`Sanksi yang direkomendasikan: ${LABELS_ID.SanctionKind[r.sanction]}`, indent);
    doc.moveDown(0.3);
  });
  if (facts.withheld > 0) {
    doc.font('Helvetica-Oblique').text(`Surat ini juga memuat ${counted(facts.withheld)} terlapor lain di luar wilayah Anda; identitasnya tidak ditampilkan kepada unit Anda.`);
    doc.font('Helvetica');
  }
  doc.moveDown(0.5);

  doc.font('Helvetica-Bold').text('Norma yang dilanggar:');
  doc.font('Helvetica');
  facts.violations.forEach((v, i) => doc.text(`${i + 1}. ${LABELS_ID.ViolationCode[v]}`, { indent: 14 }));
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').text('Dasar hukum:');
  doc.font('Helvetica');
  legalBasis(facts.election).forEach((law, i) => doc.text(`${i + 1}. ${law}`, { indent: 14, align: 'left' }));
  doc.moveDown();
  doc.text(
    facts.kind === 'RECOMMENDATION'
      ? 'Demikian rekomendasi ini disampaikan untuk ditindaklanjuti sesuai ketentuan peraturan perundang-undangan.'
      : 'Pelaksanaan sanksi agar ditetapkan dengan surat keputusan (SK) dan dilaporkan kepada Badan Kepegawaian Negara. Demikian disampaikan untuk dilaksanakan.',
    { align: 'justify' },
  );
  doc.moveDown(2);
  const signX = MARGIN + width / 2;
  doc.text(`${signatory(facts.author, facts.handlingUnit)},`, signX, doc.y, { width: width / 2 });
  doc.moveDown(3);
  doc.text('( ................................ )', signX, doc.y, { width: width / 2 });

  // The footer sits at the foot of the last page, never over the signature block.
  if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
  doc.fontSize(8).fillColor('#555555');
  doc.text(
    `Dibuat oleh Netra dari data kasus ${facts.registerNumber}: salinan langkah yang tercatat, bukan pengganti surat yang ditandatangani.`,
    MARGIN,
    doc.page.height - MARGIN - 30,
    { width, align: 'center', lineBreak: true },
  );
  doc.end();
  return done;
}

function field(doc: PDFKit.PDFDocument, label: string, value: string): void {
  const y = doc.y;
  doc.text(label, MARGIN, y, { width: 70 });
  doc.text(`: ${value}`, MARGIN + 70, y);
  doc.x = MARGIN;
}
