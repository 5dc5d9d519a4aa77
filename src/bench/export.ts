import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Actor } from '../case/decide-context';
import { csvChunks, followUpPages, primed, send, type Progress } from '../oversight/exports/follow-up-stream';
import { CaseReader } from '../oversight/queries/case-reader';
import { readSource } from '../oversight/queries/read-source';
import type { Storage } from '../storage/storage';
import { round, RssSampler } from './stats';

const OVERSIGHT: Actor = { agency: 'OVERSIGHT', region: null, userId: 'bench-oversight' };
const MiB = 2 ** 20;

/**
 * The whole read model as the follow-ups CSV a national oversight unit downloads, through the
 * export's own pages, encoder and backpressure, into a socket-like sink that takes each chunk on the
 * next turn of the event loop and throws it away (no HTTP). Twice: once for rows/s and the growth of
 * RSS (which also counts garbage not yet collected), once with a full collection every 10 pages for
 * the heap the export really holds — apart, so the collections do not slow the first.
 */
export async function exportFollowUpsCsv(storage: Storage) {
  const rssBeforeMiB = process.memoryUsage().rss / MiB;
  const rss = new RssSampler();
  const started = performance.now();
  const { rows, pages, bytes } = await exportOnce(new CaseReader(storage.readDb));
  const seconds = (performance.now() - started) / 1000;
  const rssGrowthMiB = round(rss.phase() - rssBeforeMiB, 0);
  rss.stop();

  setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;
  const reader = new CaseReader(storage.readDb);
  const read = reader.followUpPage.bind(reader);
  const heapUsed: number[] = [];
  let calls = 0;
  reader.followUpPage = (...args) => {
    if (calls++ % 10 === 0) {
      collectGarbage();
      heapUsed.push(process.memoryUsage().heapUsed);
    }
    return read(...args);
  };
  await exportOnce(reader);
  const liveHeapGrowthMiB = round((Math.max(...heapUsed) - heapUsed[0]) / MiB, 1);
  return { rows, pages, megabytes: round(bytes / 1e6, 1), seconds, rowsPerSecond: rows / seconds, rssGrowthMiB, liveHeapGrowthMiB };
}

async function exportOnce(reader: CaseReader): Promise<Progress & { bytes: number }> {
  const progress: Progress = { pages: 0, rows: 0 };
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      setImmediate(done);
    },
  });
  const now = new Date();
  await send(sink, csvChunks(await primed(followUpPages(reader, {}, OVERSIGHT, readSource(now, now), progress)), 'id', false));
  return { ...progress, bytes };
}
