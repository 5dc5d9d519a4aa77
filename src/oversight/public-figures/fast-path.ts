import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { NetraMetrics } from '../../observability/metrics';
import { acceptRequestId } from '../../observability/request-id';
import { SpanKind, trace } from '../../observability/tracing';
import type { AnonymousLimits } from '../../security/anonymous-limits';
import { RateLimitedError } from '../../security/mutation-rate-limit';
import { matches, type CachedAnswer, type PublicFiguresCache } from './public-figures-cache';
import { summaryRequestKey } from './request-key';

/** Bodies larger than this are never read here: a public question is a few hundred bytes. */
const MAX_BODY = 16 * 1024;
/** Body texts already turned into cache keys (or found not to be a public question): bounded. */
const MAX_KEYS = 2000;
/** How long one macrotask may spend writing queued public answers before the event loop polls again. */
const SEND_BUDGET_NS = 2_000_000n;

export interface FastPathDeps {
  cache: PublicFiguresCache;
  limits: AnonymousLimits;
  metrics: NetraMetrics;
  logger: Logger;
  /** The client's address as Express computes `req.ip` (TRUST_PROXY). */
  clientOf: (req: IncomingMessage) => string;
  /** Whether Express would send `X-Powered-By`. */
  poweredBy: boolean;
}

/**
 * A fresh cached answer to an anonymous `POST /graphql` followUpSummary, sent before Express,
 * Nest and Apollo see the request: at 2,000 answers a second their router, body parser and
 * middleware cost more than the answer. It keeps what the full path does for such a request —
 * the same checkpoint read and freshness rule, the anonymous rate limit, the request id, the log
 * line and the HTTP metrics, the same headers and bytes — and hands everything else (a token, a
 * miss, an answer being computed, a refusal, any other route) to `next` with its body unread.
 */
export function publicFiguresFastPath(deps: FastPathDeps, next: RequestListener): RequestListener {
  const { cache, limits, metrics, logger } = deps;
  const keys = new Map<string, string | null>();
  const bodies = new WeakMap<CachedAnswer, Buffer>();
  const sends = new SendQueue();

  return (req, res) => {
    if (!candidate(req, cache)) return next(req, res);
    const started = process.hrtime.bigint();
    const length = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let received = 0;
    let done = false;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received >= length) finish();
    };
    const onEnd = () => finish();
    const finish = () => {
      if (done) return;
      done = true;
      req.pause();
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onEnd);
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      // Put the body back before 'end' can be emitted: whoever reads it next (Express's body
      // parser) reads it as if this listener had never been here.
      if (!req.readableEnded && body.length > 0) req.unshift(body);
      const handOver = () => {
        req.resume();
        next(req, res);
      };
      if (received !== length) return handOver();
      void answer(req, res, body, started, handOver).then(
        (answered) => {
          if (!answered) handOver();
        },
        () => handOver(),
      );
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onEnd);
  };

  /** Answers from the cache and says so, or says false having sent nothing. */
  async function answer(req: IncomingMessage, res: ServerResponse, body: Buffer, started: bigint, handOver: () => void): Promise<boolean> {
    const key = keyOf(body.toString('utf8'), req.headers.accept);
    if (key === null) return false;
    const position = await cache.position();
    const cached = cache.fresh(key, position);
    if (!cached || res.headersSent || res.destroyed) return false;
    try {
      limits.take(deps.clientOf(req));
    } catch (error) {
      // The full path refuses it in the one RATE_LIMITED shape (a refusal takes nothing).
      if (error instanceof RateLimitedError) return false;
      throw error;
    }
    // Written from a queue a few milliseconds at a time (SendQueue): a probe or an officer's request
    // read in the same poll of the event loop as two hundred of these is not answered after all of them.
    sends.push(() => {
      try {
        send(req, res, cached, started);
      } catch {
        if (!res.headersSent) handOver();
      }
    });
    return true;
  }

  function send(req: IncomingMessage, res: ServerResponse, cached: CachedAnswer, started: bigint): void {
    if (res.headersSent || res.destroyed) return;
    const requestId = acceptRequestId(req.headers['x-request-id']);
    const span = trace.getTracer('netra').startSpan('POST /graphql', {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': 'POST', 'http.route': '/graphql', 'netra.request_id': requestId },
    });
    const notModified = matches(req.headers['if-none-match'], cached.etag);
    const status = notModified ? 304 : 200;
    const headers: string[] = deps.poweredBy ? ['X-Powered-By', 'Express', 'X-Request-Id', requestId] : ['X-Request-Id', requestId];
    for (const [name, value] of Object.entries(cached.headers)) headers.push(name, value);
    for (const [name, value] of Object.entries(cache.validators(cached))) headers.push(name, value);
    if (notModified) {
      res.writeHead(304, headers);
      res.end();
    } else {
      const bytes = bytesOf(cached);
      // writeHead with a list writes the head at once: the length must be in it, or the body goes chunked.
      headers.push('Content-Length', String(bytes.length));
      res.writeHead(200, headers);
      res.end(bytes);
    }
    metrics.publicFigures.inc({ outcome: notModified ? 'not_modified' : 'cached' });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.httpRequests.inc({ method: 'POST', route: '/graphql', status: String(status) });
    metrics.httpSeconds.observe({ method: 'POST', route: '/graphql' }, seconds);
    span.setAttribute('http.response.status_code', status);
    span.end();
    const traceId = span.spanContext().traceFlags !== 0 ? span.spanContext().traceId : undefined;
    logger.info({ requestId, ...(traceId ? { traceId } : {}), method: 'POST', path: '/graphql', status, ms: Math.round(seconds * 1000) }, 'request');
  }

  function keyOf(text: string, accept: string | undefined): string | null {
    const memo = `${accept ?? ''}\n${text}`;
    const known = keys.get(memo);
    if (known !== undefined) return known;
    let key: string | null = null;
    try {
      const parsed = JSON.parse(text) as { query?: unknown; variables?: unknown; operationName?: unknown } | null;
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) key = summaryRequestKey(parsed.query, parsed.variables, parsed.operationName, accept);
    } catch {
      key = null;
    }
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(memo, key);
    return key;
  }

  function bytesOf(answer: CachedAnswer): Buffer {
    let bytes = bodies.get(answer);
    if (!bytes) {
      bytes = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
      bodies.set(answer, bytes);
    }
    return bytes;
  }
}

/**
 * A request the full path would send to the cache, told from its headers alone: `POST /graphql`
 * without a token, a small JSON body (as Express's body parser would read it: no encoding,
 * UTF-8), and the cache on.
 */
function candidate(req: IncomingMessage, cache: PublicFiguresCache): boolean {
  if (req.method !== 'POST' || req.url !== '/graphql' || !cache.enabled) return false;
  const h = req.headers;
  if (h.authorization !== undefined || h['transfer-encoding'] !== undefined) return false;
  if (h['content-encoding'] !== undefined && h['content-encoding'].toLowerCase() !== 'identity') return false;
  const type = h['content-type']?.toLowerCase().replace(/\s+/g, '');
  if (type !== 'application/json' && type !== 'application/json;charset=utf-8') return false;
  const length = Number(h['content-length']);
  return Number.isInteger(length) && length > 0 && length <= MAX_BODY;
}

/**
 * Work run in order from `setImmediate`, at most SEND_BUDGET_NS per macrotask: between two slices
 * the event loop polls its sockets again, so what arrives meanwhile (a `/health` probe, a request
 * with a token, Express's own work) runs after one slice, not after the whole line.
 */
export class SendQueue {
  private readonly line: Array<() => void> = [];
  private head = 0;
  private scheduled = false;

  constructor(private readonly budgetNs = SEND_BUDGET_NS) {}

  get waiting(): number {
    return this.line.length - this.head;
  }

  push(work: () => void): void {
    this.line.push(work);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.drain);
    }
  }

  private readonly drain = (): void => {
    const until = process.hrtime.bigint() + this.budgetNs;
    do {
      const work = this.line[this.head];
      this.line[this.head++] = undefined as unknown as () => void;
      try {
        work();
      } catch {
        // One answer's failure (a socket gone under it) is that answer's; the line goes on.
      }
    } while (this.head < this.line.length && process.hrtime.bigint() < until);
    if (this.head === this.line.length) {
      this.line.length = 0;
      this.head = 0;
      this.scheduled = false;
    } else {
      setImmediate(this.drain);
    }
  };
}
