import { drizzle } from 'drizzle-orm/node-postgres';
import { GraphQLClient } from 'graphql-request';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { signDevToken } from '../../src/auth/dev-token';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { ProjectionRunner } from '../../src/oversight/projection/projection-runner';
import { openPostgresReadDb } from '../../src/oversight/read-model/open-read-db';
import type { ReadDb } from '../../src/storage/read-db';
import { dumpReadModel } from '../../src/oversight/read-model/read-model-dump';
import { KeyStore } from '../../src/privacy/key-store';
import { EVENTS_SCHEMA } from '../../src/storage/storage';
import { aLaporan, GET_CASE, RECORD_STUDY, REPORT_CASE, type CaseResult } from '../e2e/fixtures';
import { TEST_SECRET } from '../support/netra-app';

/** A fixed master key: the rebuild in the test must open the same sealed NIPs as Netra did. */
export const FAULT_MASTER_KEY = Buffer.alloc(32, 11).toString('base64');

/** A write the server acknowledged, and what it answered. */
export interface Acknowledged {
  caseId: string;
  step: 'reported' | 'studied';
  version: number;
  stage: string;
}

/** A refusal as the caller saw it. */
export interface Refusal {
  code: string;
  retryAfterSeconds?: unknown;
  recorded?: { version: unknown; position: unknown };
  message: string;
}

export interface LoadReport {
  acknowledged: Acknowledged[];
  refusals: Refusal[];
  /** Answers that showed the case as it was before the write (or a recorded version the retry contradicts). */
  staleAnswers: string[];
}

/** A request that hangs is a finding too: it fails after 30 s instead of stalling the suite. */
const fetchWithin30s: typeof fetch = (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(30_000) });

export const bawaslu = (url: string) =>
  signDevToken(TEST_SECRET, { sub: 'fault-test', agency: 'BAWASLU', region: '16.73' }).then(
    (token) => new GraphQLClient(url, { headers: { authorization: `Bearer ${token}` }, fetch: fetchWithin30s }),
  );

/** The code and extensions of a refused request; NETWORK when no GraphQL answer came back. */
export function refusalOf(error: unknown): Refusal {
  const errors = (error as { response?: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }).response?.errors;
  if (!errors?.length) return { code: 'NETWORK', message: String(error) };
  const { message, extensions = {} } = errors[0];
  const recorded = extensions.version !== undefined ? { version: extensions.version, position: extensions.position } : undefined;
  return { code: String(extensions.code), retryAfterSeconds: extensions.retryAfterSeconds, recorded, message };
}

/**
 * Writers as a careful agency system writes: each command has a commandId and, answered UNAVAILABLE,
 * is sent again with the same id until it is acknowledged. Each acknowledged answer must show the
 * write: a report at REPORTED, a study at STUDIED with a higher version; and a write answered
 * "recorded, read model behind" must come back on retry with the version it was recorded at.
 */
export function startWriteLoad(client: GraphQLClient, writers: number): { stop(): Promise<LoadReport> } {
  const report: LoadReport = { acknowledged: [], refusals: [], staleAnswers: [] };
  let running = true;
  const send = async <T>(document: string, input: Record<string, unknown>): Promise<T | null> => {
    let recordedVersion: unknown;
    const giveUpAt = Date.now() + 60_000;
    for (;;) {
      try {
        const answer = await client.request<T>(document, { input });
        const version = (Object.values(answer as object)[0] as CaseResult).version;
        if (recordedVersion !== undefined && version !== recordedVersion) report.staleAnswers.push(`${String(input.commandId)}: recorded at ${String(recordedVersion)}, answered ${version}`);
        return answer;
      } catch (error) {
        const refusal = refusalOf(error);
        report.refusals.push(refusal);
        if (refusal.code !== 'UNAVAILABLE' || Date.now() > giveUpAt) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          return null;
        }
        if (refusal.recorded) recordedVersion = refusal.recorded.version;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  };
  const writer = async () => {
    while (running) {
      const commandId = `fault-${randomUUID()}`;
      const reported = await send<{ reportCase: CaseResult }>(REPORT_CASE, aLaporan({ commandId }));
      if (!reported) continue;
      const { id, version, stage } = reported.reportCase;
      if (stage !== 'REPORTED' || version < 1) report.staleAnswers.push(`${id}: reportCase answered ${stage} v${version}`);
      report.acknowledged.push({ caseId: id, step: 'reported', version, stage });
      const studied = await send<{ recordStudy: CaseResult }>(RECORD_STUDY, {
        commandId: `${commandId}-study`,
        caseId: id,
        studiedAt: '2024-09-30T10:00:00+07:00',
        findings: [
          { respondentId: 'R1', outcome: 'VIOLATION', violations: ['SOCIAL_MEDIA_ENGAGEMENT'] },
          { respondentId: 'R2', outcome: 'NO_VIOLATION' },
        ],
      });
      if (!studied) continue;
      const after = studied.recordStudy;
      if (after.stage !== 'STUDIED' || after.version <= version) report.staleAnswers.push(`${id}: recordStudy answered ${after.stage} v${after.version} after v${version}`);
      report.acknowledged.push({ caseId: id, step: 'studied', version: after.version, stage: after.stage });
    }
  };
  const running$ = Array.from({ length: writers }, () => writer());
  return {
    async stop() {
      running = false;
      await Promise.all(running$);
      return report;
    },
  };
}

/** Polls /health until it answers 200; resolves with the milliseconds it took. */
export async function healthRecovers(origin: string, withinMs: number): Promise<number> {
  const started = Date.now();
  let last = 'no answer';
  while (Date.now() - started < withinMs) {
    try {
      const response = await fetch(`${origin}/health`);
      if (response.status === 200) return Date.now() - started;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`/health did not turn ready within ${withinMs} ms; last: ${last}`);
}

/** Acknowledged writes missing from the log (stream shorter than the acknowledged version). */
export async function missingFromStore(databaseUrl: string, acknowledged: readonly Acknowledged[]): Promise<string[]> {
  const pool = new Pool({ connectionString: databaseUrl });
  try {
    const { rows } = await pool.query<{ stream_id: string; version: number }>(`SELECT stream_id, max(version) AS version FROM ${EVENTS_SCHEMA}.es_events GROUP BY stream_id`);
    const versions = new Map(rows.map((row) => [row.stream_id, row.version]));
    return acknowledged.filter((ack) => (versions.get(`case-${ack.caseId}`) ?? 0) < ack.version).map((ack) => `${ack.caseId} v${ack.version}`);
  } finally {
    await pool.end();
  }
}

/** Acknowledged writes the read model does not show (a lower version, or a study not visible). */
export async function missingFromReadModel(client: GraphQLClient, acknowledged: readonly Acknowledged[]): Promise<string[]> {
  const missing: string[] = [];
  for (const ack of acknowledged) {
    const { case: found } = await client.request<{ case: CaseResult | null }>(GET_CASE, { id: ack.caseId });
    if (!found || found.version < ack.version || (ack.step === 'studied' && found.stage !== 'STUDIED')) {
      missing.push(`${ack.caseId}: acknowledged ${ack.step} v${ack.version}, read model ${found ? `${found.stage} v${found.version}` : 'nothing'}`);
    }
  }
  return missing;
}

/**
 * Netra's read model (schema netra_read) against a full replay of the log into a fresh schema, as
 * test/oversight/rebuild.int-spec.ts compares them. Netra must be stopped (or idle) first.
 */
export async function compareWithRebuild(databaseUrl: string): Promise<{ live: Record<string, string[]>; rebuilt: Record<string, string[]> }> {
  const pool = new Pool({ connectionString: databaseUrl });
  const live = await openPostgresReadDb(databaseUrl);
  const fresh = await openPostgresReadDb(databaseUrl, `netra_read_check_${randomUUID().slice(0, 8)}`);
  try {
    const store = new PostgresEventStore(pool, { schema: EVENTS_SCHEMA });
    const keys = new KeyStore(drizzle(pool) as unknown as ReadDb, Buffer.from(FAULT_MASTER_KEY, 'base64'));
    const runner = new ProjectionRunner(store, fresh.db, { keys });
    await runner.start();
    await runner.stop();
    await store.close();
    return { live: await dumpReadModel(live.db), rebuilt: await dumpReadModel(fresh.db) };
  } finally {
    await fresh.pool.end();
    await live.pool.end();
    await pool.end();
  }
}
