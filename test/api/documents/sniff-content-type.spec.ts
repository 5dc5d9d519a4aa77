import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { Inspector, sniffContentType } from '../../../src/api/documents/sniff-content-type';

/** A stored (uncompressed) ZIP with these entries, as Office writes its files (the names are what counts). */
function zip(entries: Array<[string, Buffer]>, padding = 0): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, body] of entries) {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(body.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(body.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const pad = randomBytes(padding);
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset + padding, 16);
  return Buffer.concat([...locals, pad, directory, end]);
}

async function sniff(bytes: Buffer, chunk = 7000) {
  const inspector = new Inspector();
  const parts = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  await pipeline(Readable.from(parts), inspector, new Writable({ write: (_c, _e, done) => done() }));
  return sniffContentType(inspector.head(), inspector.tail(), inspector.size);
}

const xml = Buffer.from('<?xml version="1.0"?><Types/>');

describe('sniffing a document’s type from its bytes', () => {
  it('knows PDF, JPEG, PNG and MP4 by their signatures', async () => {
    expect(await sniff(Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(100)]))).toBe('application/pdf');
    expect(await sniff(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(100)]))).toBe('image/jpeg');
    expect(await sniff(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(100)]))).toBe('image/png');
    expect(await sniff(Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), randomBytes(100)]))).toBe('video/mp4');
  });

  it('tells a Word and an Excel file from other ZIPs by their parts, even with 1 MB before the directory', async () => {
    expect(await sniff(zip([['[Content_Types].xml', xml], ['word/document.xml', xml]]))).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await sniff(zip([['[Content_Types].xml', xml], ['xl/workbook.xml', xml]], 1024 * 1024))).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await sniff(zip([['word/document.xml', xml]]))).toBeNull();
    expect(await sniff(zip([['[Content_Types].xml', xml], ['ppt/presentation.xml', xml]]))).toBeNull();
  });

  it('refuses what only claims to be a document: a Windows program, HTML, a QuickTime movie', async () => {
    expect(await sniff(Buffer.concat([Buffer.from('MZ'), randomBytes(100)]))).toBeNull();
    expect(await sniff(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(await sniff(Buffer.concat([Buffer.from([0, 0, 0, 0x14]), Buffer.from('ftypqt  '), randomBytes(100)]))).toBeNull();
  });
});
