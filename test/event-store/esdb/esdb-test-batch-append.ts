/**
 * Streams.BatchAppend the way KurrentDB answers it: one bidirectional stream per client connection,
 * requests grouped by correlation id (options on the first, proposed messages on each, `is_final`
 * on the last), one response per correlation id — success with the current revision and position,
 * or a google.rpc.Status whose details name the failure (WrongExpectedVersion,
 * MaximumAppendSizeExceeded), which the client unpacks by type name. A real server advertises this
 * method and `@kurrent/kurrentdb-client` then appends through it instead of Streams.Append.
 */
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as ProtoEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/code_pb';
import { AllStreamPosition, MaximumAppendSizeExceeded, WrongExpectedVersion } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { Status } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/status_pb';
import { BatchAppendReq, BatchAppendResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import type { ServerDuplexStream } from '@grpc/grpc-js';
import type { ExpectedRevision, InMemoryLog, ProposedEvent } from './in-memory-log';

interface Pending {
  options?: BatchAppendReq.Options;
  proposed: ProposedEvent[];
  size: number;
}

export function batchAppendHandler(log: InMemoryLog, maxAppendSize: number, onAppend: () => void = () => undefined) {
  return (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    const pending = new Map<string, Pending>();
    call.on('data', (request: BatchAppendReq) => {
      const correlation = request.getCorrelationId()!;
      const key = correlation.getString();
      const batch = pending.get(key) ?? { proposed: [], size: 0 };
      pending.set(key, batch);
      if (request.hasOptions()) batch.options = request.getOptions();
      for (const message of request.getProposedMessagesList()) {
        const map = message.getMetadataMap();
        const event = {
          id: message.getId()!.getString(),
          type: map.get('type') ?? '',
          contentType: map.get('content-type') ?? '',
          data: message.getData_asU8(),
          metadata: message.getCustomMetadata_asU8(),
        };
        batch.size += event.data.length + event.metadata.length;
        batch.proposed.push(event);
      }
      if (!request.getIsFinal()) return;
      pending.delete(key);
      onAppend();
      const options = batch.options!;
      const identifier = options.getStreamIdentifier()!;
      const response = new BatchAppendResp().setCorrelationId(correlation).setStreamIdentifier(identifier);
      if (batch.size > maxAppendSize) {
        const details = new MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize);
        call.write(response.setError(status(Code.INVALID_ARGUMENT, 'Maximum Append Size Exceeded', details.serializeBinary(), 'event_store.client.MaximumAppendSizeExceeded')));
        return;
      }
      const streamId = Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
      const expected = expectedOf(options);
      const outcome = log.append(streamId, expected, batch.proposed);
      if (outcome.result === 'wrong_expected_version') {
        const wrong = new WrongExpectedVersion();
        if (outcome.current === null) wrong.setCurrentNoStream(new ProtoEmpty());
        else wrong.setCurrentStreamRevision(outcome.current.toString());
        if (typeof expected === 'bigint') wrong.setExpectedStreamPosition(expected.toString());
        else if (expected === 'no_stream') wrong.setExpectedNoStream(new ProtoEmpty());
        else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new ProtoEmpty());
        else wrong.setExpectedAny(new ProtoEmpty());
        call.write(response.setError(status(Code.FAILED_PRECONDITION, 'Wrong Expected Version', wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion')));
        return;
      }
      const position = new AllStreamPosition().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString());
      const success = new BatchAppendResp.Success().setCurrentRevision(outcome.current.toString()).setPosition(position);
      call.write(response.setSuccess(success));
    });
    call.on('end', () => call.end());
  };
}

function expectedOf(options: BatchAppendReq.Options): ExpectedRevision {
  const Case = BatchAppendReq.Options.ExpectedStreamPositionCase;
  switch (options.getExpectedStreamPositionCase()) {
    case Case.STREAM_POSITION:
      return BigInt(options.getStreamPosition());
    case Case.NO_STREAM:
      return 'no_stream';
    case Case.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
}

function status(code: Code, message: string, details: Uint8Array, typeName: string): Status {
  const any = new Any();
  any.pack(details, typeName);
  return new Status().setCode(code).setMessage(message).setDetails(any);
}

