/**
 * An EventStoreDB stand-in for tests: a real gRPC server (`@grpc/grpc-js`) with the service
 * definitions and messages that `@kurrent/kurrentdb-client` ships (`generated/streams_grpc_pb`,
 * `serverfeatures_grpc_pb`), so the real client talks real gRPC to it over
 * `kurrentdb://127.0.0.1:<port>?tls=false`. In-memory; one per test file.
 *
 * Covers, the way EventStoreDB 23.10+ answers:
 * - ServerFeatures.GetSupportedMethods: Streams.Read, Streams.Append and (unless turned off)
 *   Streams.BatchAppend.
 * - Streams.Append (client streaming: options, then proposed messages): expected revision any /
 *   no_stream / stream_exists / exact; WrongExpectedVersion with the current revision; idempotent
 *   retries (the same event ids at the same expected revision, or found by the first id for
 *   any / stream_exists) answered with the stored result and nothing written; the maximum append
 *   size (1 MiB by default, as ESDB) with ESDB's `maximum-append-size-exceeded` error; the `type`
 *   and `content-type` metadata the client must send.
 * - `$all` positions as byte-like offsets of prepare records (commit = prepare per event, as for
 *   gRPC appends), not dense, starting after the server's own `$epoch-information` and `$settings`
 *   events; `writeSystemEvent` adds more `$`-events (like `$stats-…`) between user events.
 * - Streams.Read: stream reads forwards / backwards from start, end or a revision, with a count,
 *   and StreamNotFound; `$all` reads forwards from a position (inclusive) or backwards (exclusive),
 *   with a count and, if sent, a filter; `$all` subscriptions from start, end or after a position,
 *   with a stream-name or event-type filter (prefixes or regex), checkpoints every search window
 *   (32 unless `max` is sent) × the client's checkpoint interval, CaughtUp at the head, live events
 *   after it, and FellBehind when a live subscriber lags by over 1,000 events. Backpressure: the
 *   server waits for the client to drain.
 *
 * - Streams.BatchAppend (esdb-test-batch-append.ts), advertised unless `batchAppend: false`, as
 *   real servers do; the client then appends through it.
 *
 * Does NOT cover: the v2 multi-stream append; stream subscriptions; persistent
 * subscriptions; projections; users, ACLs and authentication; TLS; clustering, gossip, leader
 * election and NotLeader redirects; stream deletion, tombstones and `$`-metadata streams, so no
 * $maxCount / $maxAge / truncation; scavenging; link events and resolveLinkTos; explicit
 * transactions (commit != prepare); structured UUIDs; first/last stream position messages; reads
 * from a position that is not an event's (answered from the next event, where ESDB would fail);
 * deadlines; durability — everything is lost when the server stops.
 */
import { AppendReq, AppendResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { Empty } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { ServerFeaturesService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_pb';
import { StreamsService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb';
import {
  Metadata,
  Server,
  ServerCredentials,
  status,
  type sendUnaryData,
  type ServerReadableStream,
  type ServiceError,
} from '@grpc/grpc-js';
import { batchAppendHandler } from './esdb-test-batch-append';
import { handleRead } from './esdb-test-reads';
import { InMemoryLog, systemEvent, type AppendOutcome, type ExpectedRevision, type ProposedEvent } from './in-memory-log';

export interface EsdbTestServerOptions {
  /** Bytes of data and metadata one append may carry; ESDB's default is 1 MiB. */
  maxAppendSize?: number;
  /**
   * Advertise and serve Streams.BatchAppend, as every real server does (the client then appends
   * through it); false leaves the client on Streams.Append, as against servers before 21.10.
   */
  batchAppend?: boolean;
}

const STREAMS = 'event_store.client.streams.streams';
const VERSION = '23.10.0-netra-test-server';

export class EsdbTestServer {
  private constructor(
    private readonly server: Server,
    readonly port: number,
    readonly log: InMemoryLog,
    /** Appends received, by method: which path the client took. */
    readonly calls: { append: number; batchAppend: number },
  ) {}

  static async start(options: EsdbTestServerOptions = {}): Promise<EsdbTestServer> {
    const server = new Server();
    const log = new InMemoryLog();
    const maxAppendSize = options.maxAppendSize ?? 1024 * 1024;
    const batchAppend = options.batchAppend ?? true;
    const calls = { append: 0, batchAppend: 0 };
    const append = appendHandler(log, maxAppendSize);
    const batch = batchAppendHandler(log, maxAppendSize, () => (calls.batchAppend += 1));
    server.addService(StreamsService, {
      read: (call: Parameters<typeof handleRead>[1]) => void handleRead(log, call),
      append: (...args: Parameters<typeof append>) => ((calls.append += 1), append(...args)),
      ...(batchAppend ? { batchAppend: batch } : {}),
    });
    server.addService(ServerFeaturesService, {
      getSupportedMethods: (_call: unknown, callback: sendUnaryData<SupportedMethods>) => callback(null, supportedMethods(batchAppend)),
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    return new EsdbTestServer(server, port, log, calls);
  }

  get connectionString(): string {
    return `kurrentdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** Appends to a `$`-stream the way the server writes its own events (statistics, settings). */
  writeSystemEvent(streamId: string, type = streamId): void {
    this.log.write(streamId, [systemEvent(type, { at: new Date().toISOString() })]);
  }

  async stop(): Promise<void> {
    this.server.forceShutdown();
    this.log.wakeAll();
  }
}

function appendHandler(log: InMemoryLog, maxAppendSize: number) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedEvent[] = [];
    let size = 0;
    let failed = false;
    const fail = (error: Partial<ServiceError>): void => {
      if (!failed) callback(error);
      failed = true;
    };
    call.on('data', (request: AppendReq) => {
      if (failed) return;
      if (request.hasOptions()) return void (options = request.getOptions());
      const message = request.getProposedMessage()!;
      const [type, contentType] = [message.getMetadataMap().get('type'), message.getMetadataMap().get('content-type')];
      if (!type || !contentType) return fail(rpcError(status.INVALID_ARGUMENT, 'missing-required-metadata-property', {}));
      const event = { id: message.getId()!.getString(), type, contentType, data: message.getData_asU8(), metadata: message.getCustomMetadata_asU8() };
      size += event.data.length + event.metadata.length;
      if (size > maxAppendSize) {
        return fail(rpcError(status.INVALID_ARGUMENT, 'maximum-append-size-exceeded', { 'maximum-append-size': String(maxAppendSize) }));
      }
      proposed.push(event);
    });
    call.on('end', () => {
      if (failed) return;
      if (!options) return fail(rpcError(status.INVALID_ARGUMENT, 'invalid-argument', {}));
      const streamId = Buffer.from(options.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
      const expected = toExpectedRevision(options);
      callback(null, toAppendResp(log.append(streamId, expected, proposed), expected));
    });
  };
}

function toExpectedRevision(options: AppendReq.Options): ExpectedRevision {
  const Case = AppendReq.Options.ExpectedStreamRevisionCase;
  switch (options.getExpectedStreamRevisionCase()) {
    case Case.REVISION:
      return BigInt(options.getRevision());
    case Case.NO_STREAM:
      return 'no_stream';
    case Case.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
}

function toAppendResp(outcome: AppendOutcome, expected: ExpectedRevision): AppendResp {
  if (outcome.result === 'wrong_expected_version') {
    const wrong = new AppendResp.WrongExpectedVersion();
    if (outcome.current === null) wrong.setCurrentNoStream(new Empty());
    else wrong.setCurrentRevision(outcome.current.toString());
    if (typeof expected === 'bigint') wrong.setExpectedRevision(expected.toString());
    else if (expected === 'no_stream') wrong.setExpectedNoStream(new Empty());
    else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
    else wrong.setExpectedAny(new Empty());
    return new AppendResp().setWrongExpectedVersion(wrong);
  }
  const position = new AppendResp.Position().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString());
  return new AppendResp().setSuccess(new AppendResp.Success().setCurrentRevision(outcome.current.toString()).setPosition(position));
}

function supportedMethods(batchAppend: boolean): SupportedMethods {
  const methods = ['read', 'append', ...(batchAppend ? ['batchappend'] : [])].map((name) => new SupportedMethod().setServiceName(STREAMS).setMethodName(name));
  return new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(VERSION);
}

/** An error the way ESDB sends it: the client reads the kind from the `exception` trailer. */
function rpcError(code: status, exception: string, extra: Record<string, string>): Partial<ServiceError> {
  const metadata = new Metadata();
  metadata.set('exception', exception);
  Object.entries(extra).forEach(([key, value]) => metadata.set(key, value));
  return { code, details: exception, metadata };
}
