import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { publicFiguresFastPath, SendQueue, type FastPathDeps } from '../../../src/oversight/public-figures/fast-path';
import type { CachedAnswer, PublicFiguresCache } from '../../../src/oversight/public-figures/public-figures-cache';

/**
 * Cached public answers are written from a queue drained a slice at a time (fast-path.ts), so that
 * a `/health` probe or an officer's request read in the same turn of the event loop as hundreds of
 * anonymous questions is not answered after all of them. Ordering only: nothing here is timed.
 */

const QUERY = JSON.stringify({ query: '{ followUpSummary { overall { total } } }' });
const ANSWER: CachedAnswer = { position: 7n, etag: '"pf-7-k-0"', body: '{"data":{}}', headers: { 'Content-Type': 'application/json; charset=utf-8' }, computedAt: 0 };

/** A request as Node's HTTP server hands it over: headers parsed, the body still to be read. */
function request(url: string, method: string, body = ''): IncomingMessage {
  const stream = new PassThrough();
  const headers = method === 'POST' ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {};
  const req = Object.assign(stream, { method, url, headers, socket: {} }) as unknown as IncomingMessage;
  if (body) stream.write(body);
  stream.end();
  return req;
}

/** A response that records, in one shared list, the order in which responses were ended. */
function response(name: string, ended: string[]): ServerResponse {
  const res = {
    headersSent: false,
    destroyed: false,
    writeHead() {
      res.headersSent = true;
      return res;
    },
    end() {
      ended.push(name);
      return res;
    },
  };
  return res as unknown as ServerResponse;
}

function fastPath(next: (req: IncomingMessage, res: ServerResponse) => void) {
  const cache = {
    enabled: true,
    position: async () => ANSWER.position,
    fresh: () => ANSWER,
    validators: () => ({ ETag: ANSWER.etag }),
  } as unknown as PublicFiguresCache;
  const counter = { inc: () => undefined, observe: () => undefined };
  const deps: FastPathDeps = {
    cache,
    limits: { take: () => undefined } as unknown as FastPathDeps['limits'],
    metrics: { publicFigures: counter, httpRequests: counter, httpSeconds: counter } as unknown as FastPathDeps['metrics'],
    logger: pino({ level: 'silent' }),
    clientOf: () => '10.0.0.1',
    poweredBy: true,
  };
  return publicFiguresFastPath(deps, next);
}

/** Each arrival in a macrotask of its own, as each socket's data is in the event loop's poll; the microtasks between them run. */
const arriveTogether = (arrivals: Array<() => void>) => Promise.all(arrivals.map((arrive) => new Promise<void>((resolve) => setImmediate(() => (arrive(), resolve())))));
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('public answers written from a queue', () => {
  it('a /health probe read in the same turn as 200 anonymous questions is answered before any of their answers', async () => {
    const ended: string[] = [];
    const listener = fastPath((req, res) => {
      // Express's place: here it answers /health at once.
      expect(req.url).toBe('/health');
      res.end();
    });
    await arriveTogether([
      ...Array.from({ length: 200 }, (_, i) => () => listener(request('/graphql', 'POST', QUERY), response(`anonymous ${i}`, ended))),
      () => listener(request('/health', 'GET'), response('health', ended)),
    ]);
    await turns(1000);
    expect(ended).toHaveLength(201);
    expect(ended[0]).toBe('health');
    // The public answers themselves go out in the order their questions came.
    expect(ended.slice(1)).toEqual(Array.from({ length: 200 }, (_, i) => `anonymous ${i}`));
  });

  it('the queue gives the event loop back between slices: what arrives meanwhile runs before the line ends', async () => {
    // A budget of nothing: one answer per slice.
    const queue = new SendQueue(0n);
    const ran: string[] = [];
    for (let i = 0; i < 3; i++) {
      queue.push(() => {
        ran.push(`answer ${i}`);
        if (i === 0) setImmediate(() => ran.push('probe'));
      });
    }
    expect(queue.waiting).toBe(3);
    await turns(10);
    expect(ran).toEqual(['answer 0', 'probe', 'answer 1', 'answer 2']);
    expect(queue.waiting).toBe(0);
  });

  it('one failing answer does not stop the line', async () => {
    const queue = new SendQueue();
    const ran: number[] = [];
    queue.push(() => ran.push(1));
    queue.push(() => {
      throw new Error('socket gone');
    });
    queue.push(() => ran.push(3));
    await turns(5);
    expect(ran).toEqual([1, 3]);
  });
});
