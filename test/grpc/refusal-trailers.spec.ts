import type { ArgumentsHost } from '@nestjs/common';
import type { Logger } from 'pino';
import { badInput, conflict } from '../../src/case/case-error';
import { GraphqlErrorFilter } from '../../src/graphql/graphql-errors';
import { toGrpcError } from '../../src/grpc/grpc-errors';

const logger = { warn: jest.fn(), error: jest.fn() } as unknown as Logger;
const nipTooShort = () =>
  badInput('respondents[0].nip', 'NIP must be exactly 18 digits (got 17 characters, 17 of them digits)', 'nip.length', { expected: 18, length: 17, digits: 17 });

/** A client words a refusal in its own language from the key and parameters each transport carries beside the English message. */
describe('refusals on the wire', () => {
  it('GraphQL: extensions carry code, field, key and params; the message is unchanged', () => {
    const error = new GraphqlErrorFilter(logger).catch(nipTooShort(), {} as ArgumentsHost);
    expect(error.message).toBe('respondents[0].nip: NIP must be exactly 18 digits (got 17 characters, 17 of them digits)');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'respondents[0].nip', key: 'nip.length', params: { expected: 18, length: 17, digits: 17 } });
  });

  it('gRPC: the trailers carry code, field, key and params (JSON); the status and details are unchanged', () => {
    const grpc = toGrpcError(nipTooShort(), logger);
    expect(grpc.details).toBe('respondents[0].nip: NIP must be exactly 18 digits (got 17 characters, 17 of them digits)');
    expect(grpc.metadata.get('netra-error-code')).toEqual(['BAD_USER_INPUT']);
    expect(grpc.metadata.get('netra-error-field')).toEqual(['respondents[0].nip']);
    expect(grpc.metadata.get('netra-error-key')).toEqual(['nip.length']);
    expect(JSON.parse(String(grpc.metadata.get('netra-error-params')[0]))).toEqual({ expected: 18, length: 17, digits: 17 });
  });

  it('a version conflict says at which version the case is and which the caller sent', () => {
    const error = new GraphqlErrorFilter(logger).catch(conflict('the case is at version 4, not 3: it moved on since; reload it', 'version.stale', { version: 4, expected: 3 }), {} as ArgumentsHost);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', key: 'version.stale', params: { version: 4, expected: 3 } });
  });
});
