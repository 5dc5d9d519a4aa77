import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Actor } from '../../case/decide-context';
import type { CaseReader, FollowUpKey, FollowUpRecord } from '../queries/case-reader';
import type { FollowUpFilter } from '../queries/filters.input';
import type { ReadSource } from '../queries/read-source';
import { UTF8_BOM } from './csv';
import { followUpCsvLines, followUpHeaderLine } from './follow-up-columns';
import type { HeaderLanguage } from './header-language';

/** Rows per query: big enough that 100k rows take 100 round trips, small enough to hold a few in memory. */
export const EXPORT_PAGE_SIZE = 1000;

export interface Progress {
  pages: number;
  rows: number;
}

/** Every page of follow-ups in the followUps order, each read only when the previous one was taken. */
export async function* followUpPages(
  reader: CaseReader,
  filter: FollowUpFilter,
  actor: Actor,
  source: ReadSource,
  progress: Progress,
): AsyncGenerator<FollowUpRecord[]> {
  let after: FollowUpKey | null = null;
  do {
    const page = await reader.followUpPage(filter, after, EXPORT_PAGE_SIZE, actor, source);
    progress.pages += 1;
    progress.rows += page.records.length;
    yield page.records;
    after = page.next;
  } while (after !== null);
}

/**
 * Reads the first item before anything is sent, so a failure there is still answered with a status;
 * the rest follows as it is asked for.
 */
export async function primed<T>(items: AsyncIterator<T>): Promise<AsyncIterable<T>> {
  const first = await items.next();
  return {
    async *[Symbol.asyncIterator]() {
      try {
        if (first.done) return;
        yield first.value;
        for (let next = await items.next(); !next.done; next = await items.next()) yield next.value;
      } finally {
        await items.return?.();
      }
    },
  };
}

export async function* csvChunks(pages: AsyncIterable<FollowUpRecord[]>, language: HeaderLanguage, bom: boolean): AsyncGenerator<string> {
  yield `${bom ? UTF8_BOM : ''}${followUpHeaderLine(language)}`;
  for await (const records of pages) if (records.length > 0) yield followUpCsvLines(records, language);
}

/** One JSON document, `{ asOf, followUps: [...] }`, written a page at a time; one follow-up per line. */
export async function* jsonChunks(pages: AsyncIterable<FollowUpRecord[]>, asOf: Date): AsyncGenerator<string> {
  yield `{"asOf":${JSON.stringify(asOf)},"followUps":[`;
  let separator = '\n';
  for await (const records of pages) {
    if (records.length === 0) continue;
    yield separator + records.map((r) => JSON.stringify({ registerNumber: r.registerNumber, election: r.election, ...r.followUp })).join(',\n');
    separator = ',\n';
  }
  yield '\n]}\n';
}

/**
 * Writes the chunks with backpressure: the next page is read only once the socket took the last
 * (one chunk waits in the stream, one in the socket's buffer). When the client goes away, the stream
 * is destroyed, the page generator is closed and no further page is read: 'aborted'.
 */
export async function send(out: Writable, chunks: AsyncIterable<string>): Promise<'sent' | 'aborted'> {
  try {
    await pipeline(Readable.from(chunks, { highWaterMark: 1 }), out);
    return 'sent';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return 'aborted';
    throw error;
  }
}
