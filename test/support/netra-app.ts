import type { INestApplication } from '@nestjs/common';
import { GraphQLClient } from 'graphql-request';
import { Writable } from 'node:stream';
import { listeningUrl, startNetra } from '../../src/bootstrap';
import { grpcAddress } from '../../src/grpc/grpc-server';
import { signDevToken } from '../../src/auth/dev-token';
import type { Agency } from '../../src/case/case-vocabulary';
import type { Clock } from '../../src/config/clock';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/observability/logger';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';

export interface RunningNetra {
  app: INestApplication;
  /** `http://host:port`: the console, /auth, /exports and /health hang off it. */
  origin: string;
  /** The GraphQL endpoint: `${origin}/graphql`. */
  url: string;
  /** `host:port` of the gRPC API (a free port unless GRPC_PORT is given). */
  grpcAddress: string;
  /** Every JSON log line the app wrote. */
  logs: string[];
  client(agency?: Agency, region?: string | null): Promise<GraphQLClient>;
  anonymous(): GraphQLClient;
  close(): Promise<void>;
}

/** A real Netra on random ports (HTTP, GraphQL, gRPC, projection), on an in-memory embedded store by default. */
/** `clock`: start Netra on another day (e.g. 1 Jan 2027); decisions, reads and warnings use it. */
export async function startTestNetra(env: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<RunningNetra> {
  // The deadline process is off unless a test turns it on: its events would shift the versions other suites assert.
  const config = loadConfig({ EVENT_STORE_URL: 'memory:', NETRA_DEMO: '0', PORT: '0', GRPC_PORT: '0', AUTH_DEV_SECRET: TEST_SECRET, OVERDUE_SCAN_SECONDS: '0', ...env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger('info', sink);
  const app = await startNetra(config, logger, options);
  const origin = listeningUrl(app);
  const url = `${origin}/graphql`;
  return {
    app,
    origin,
    url,
    grpcAddress: grpcAddress(app),
    logs,
    client: async (agency = 'OVERSIGHT', region = null) => {
      const token = await signDevToken(TEST_SECRET, { sub: `${agency}-${region ?? 'national'}`, agency, region });
      return new GraphQLClient(url, { headers: { authorization: `Bearer ${token}` } });
    },
    anonymous: () => new GraphQLClient(url),
    close: () => app.close(),
  };
}

/** The GraphQL error code of a refused request, or 'OK' when it succeeded. */
export async function codeOf(request: Promise<unknown>): Promise<string> {
  try {
    await request;
    return 'OK';
  } catch (error) {
    const errors = (error as { response?: { errors?: Array<{ extensions?: { code?: string } }> } }).response?.errors;
    return errors?.[0]?.extensions?.code ?? `NO_CODE: ${String(error)}`;
  }
}

/** The message of a refused request. */
export async function messageOf(request: Promise<unknown>): Promise<string> {
  try {
    await request;
    return '';
  } catch (error) {
    const errors = (error as { response?: { errors?: Array<{ message: string }> } }).response?.errors;
    return errors?.[0]?.message ?? String(error);
  }
}
