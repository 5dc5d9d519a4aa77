import Ajv from 'ajv';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { signDevToken } from '../../src/auth/dev-token';
import { aSigningKey, AUDIENCE, ISSUER, signWith, TestJwksServer, type SigningKey } from '../auth/identity-provider';
import { EsdbTestServer } from '../event-store/esdb/esdb-test-server';
import { createThrowawayDatabase, POSTGRES_URL, type ThrowawayDatabase } from '../support/throwaway-database';
import { composeText, imageEnvironment, InterpolationError, loadCompose, parseEnvFile, ROOT, servicesOf, type ComposeFile } from './compose-file';

const example = parseEnvFile(readFileSync(join(ROOT, '.env.example'), 'utf8'));
const key = () => randomBytes(32).toString('base64');
/** The example .env as the README tells an operator to fill it in. */
function filledEnv(jwksUrl = 'https://sso.example.go.id/realms/netra/protocol/openid-connect/certs'): Record<string, string> {
  return {
    ...example,
    AUTH_JWKS_URL: jwksUrl,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    NETRA_MASTER_KEY: key(),
    POSTGRES_PASSWORD: randomBytes(12).toString('hex'),
    AUTH_DEV_SECRET: randomBytes(24).toString('hex'),
    NETRA_DEV_MASTER_KEY: key(),
  };
}

const PROFILES = ['embedded', 'postgres', 'kurrentdb', 'kurrentdb-cluster', 'dev'] as const;
const NETRA_OF: Record<(typeof PROFILES)[number], string> = {
  embedded: 'netra',
  postgres: 'netra-postgres',
  kurrentdb: 'netra-kurrentdb',
  'kurrentdb-cluster': 'netra-kurrentdb-cluster',
  dev: 'netra-dev',
};

describe('docker-compose.yml, read as docker compose reads it', () => {
  const compose: ComposeFile = loadCompose(filledEnv());

  it('is valid against the Compose Specification JSON schema (compose-spec/compose-spec, schema/compose-spec.json)', () => {
    // Its $schema names draft-07 without the trailing '#' Ajv registers it under; the keywords are draft-07's.
    const { $schema: _draft, ...schema } = JSON.parse(readFileSync(join(__dirname, 'compose-spec.schema.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // And the schema is not a pushover: a misspelt key is refused.
    expect(validate({ services: { netra: { image: 'x', helthcheck: {} } } })).toBe(false);
  });

  it('makes the embedded profile the default of the example .env', () => {
    expect(example.COMPOSE_PROFILES).toBe('embedded');
  });

  it.each(['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'NETRA_MASTER_KEY', 'POSTGRES_PASSWORD', 'AUTH_DEV_SECRET', 'NETRA_DEV_MASTER_KEY'])(
    'refuses to start without %s, naming it, as docker compose does for a required variable',
    (name) => {
      expect(() => loadCompose({ ...filledEnv(), [name]: '' })).toThrow(InterpolationError);
      expect(() => loadCompose({ ...filledEnv(), [name]: '' })).toThrow(new RegExp(`required variable ${name} is missing`));
    },
  );

  it('commits no secret: the example .env leaves every secret empty', () => {
    for (const name of ['AUTH_JWKS_URL', 'NETRA_MASTER_KEY', 'POSTGRES_PASSWORD', 'AUTH_DEV_SECRET', 'NETRA_DEV_MASTER_KEY']) expect(example[name]).toBe('');
    expect(() => loadCompose(example)).toThrow(InterpolationError);
  });

  it('gives every service a healthcheck and a restart policy, and every dependency waits until healthy', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, test: service.healthcheck?.test?.length ?? 0 }).toEqual({ name, test: expect.any(Number) });
      expect(service.healthcheck?.test.length).toBeGreaterThan(1);
      expect({ name, restart: service.restart }).toEqual({ name, restart: 'unless-stopped' });
      for (const [dependency, condition] of Object.entries(service.depends_on ?? {})) {
        expect({ name, dependency, condition: condition.condition }).toEqual({ name, dependency, condition: 'service_healthy' });
      }
    }
  });

  it('keeps data in named volumes only', () => {
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) expect(Object.keys(compose.volumes ?? {})).toContain(volume.split(':')[0]);
    }
  });

  it('starts exactly one Netra per profile, and the dev profile is the only one with development tokens, on 127.0.0.1 only', () => {
    for (const profile of PROFILES) {
      const netras = servicesOf(compose, profile).filter((name) => name.startsWith('netra'));
      expect({ profile, netras }).toEqual({ profile, netras: [NETRA_OF[profile]] });
    }
    for (const [name, service] of Object.entries(compose.services).filter(([name]) => name.startsWith('netra'))) {
      const env = { ...imageEnvironment(), ...service.environment };
      if (name === 'netra-dev') {
        expect(env.NODE_ENV).toBe('development');
        for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
      } else {
        expect({ name, NODE_ENV: env.NODE_ENV, dev: env.AUTH_DEV_SECRET }).toEqual({ name, NODE_ENV: 'production', dev: undefined });
        expect(env.AUTH_JWKS_URL).toBeTruthy();
        expect(env.NETRA_MASTER_KEY).toBeTruthy();
      }
    }
  });

  it('runs KurrentDB 26 from the vendor\'s image with the append size Netra needs, and no longer EventStoreDB', () => {
    const kurrent = Object.entries(compose.services).filter(([, service]) => service.image?.startsWith('kurrentplatform/kurrentdb:'));
    expect(kurrent.map(([name]) => name).sort()).toEqual(['kurrentdb', 'kurrentdb-1', 'kurrentdb-2', 'kurrentdb-3']);
    for (const [, service] of kurrent) {
      expect(service.image).toMatch(/^kurrentplatform\/kurrentdb:26\./);
      expect(Number(service.environment?.KURRENTDB_MAX_APPEND_SIZE)).toBeGreaterThanOrEqual(1024 * 1024);
    }
    expect(composeText()).not.toMatch(/eventstore\/eventstore/);
  });
});

describe('each compose profile\'s Netra, started with exactly the environment its service declares', () => {
  let jwks: TestJwksServer;
  let signing: SigningKey;
  let kurrent: EsdbTestServer;
  const started: ChildProcess[] = [];
  const databases: ThrowawayDatabase[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    jwks = await new TestJwksServer().start();
    signing = await aSigningKey('compose-1', 'ES256');
    jwks.publish(signing);
    kurrent = await EsdbTestServer.start({ maxAppendSize: 2 * 1024 * 1024 });
  });
  afterAll(async () => {
    for (const child of started) child.kill('SIGKILL');
    await Promise.all(databases.map((database) => database.drop()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await jwks.close();
    await kurrent.stop();
  });

  /**
   * What differs from the container, and only that: the compose network's hosts are this machine's
   * (postgres → a throwaway database on the local server, kurrentdb → the protocol-level test server),
   * a named volume is a temporary directory, and the published ports are free ones.
   */
  async function environmentOf(service: string, env: Record<string, string>): Promise<Record<string, string>> {
    const declared = loadCompose(env).services[service].environment ?? {};
    const result: Record<string, string> = { ...imageEnvironment() };
    for (const [name, value] of Object.entries(declared)) result[name] = String(value);
    for (const [name, value] of Object.entries(result)) {
      if (value === 'file:/data') {
        const dir = mkdtempSync(join(tmpdir(), 'netra-compose-'));
        dirs.push(dir);
        result[name] = `file:${dir}`;
      } else if (/^postgres:\/\/netra:[^@]+@postgres:5432\/netra$/.test(value)) {
        const database = databases.find((d) => d.url === result.__db) ?? (await createThrowawayDatabase(10));
        if (!databases.includes(database)) databases.push(database);
        result.__db = database.url;
        result[name] = database.url;
      } else if (value === 'kurrentdb://kurrentdb:2113?tls=false') {
        result[name] = kurrent.connectionString;
      }
    }
    delete result.__db;
    return { ...result, PORT: '0', GRPC_PORT: '0' };
  }

  async function start(env: Record<string, string>): Promise<{ origin: string; output: string[] }> {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(child);
    const output: string[] = [];
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`netra did not start:\n${output.join('')}`)), 90_000);
      const collect = (chunk: Buffer) => {
        output.push(String(chunk));
        const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(output.join(''));
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout!.on('data', collect);
      child.stderr!.on('data', collect);
      child.once('exit', (code) => reject(new Error(`netra exited with ${code}:\n${output.join('')}`)));
    });
    return { origin, output };
  }

  /**
   * The service's own healthcheck command, pointed at the port this run published. Not spawnSync: the
   * KurrentDB test server lives in this process and must keep answering while the check runs.
   */
  async function healthcheck(port: string): Promise<number | null> {
    const test = load(composeText()) as { 'x-netra': { healthcheck: { test: string[] } } };
    const [, command, ...args] = test['x-netra'].healthcheck.test;
    expect(command).toBe('node');
    const child = spawn(process.execPath, args.map((arg) => arg.replace(':3000/', `:${port}/`)), { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    return code;
  }

  const runnable = PROFILES.filter((profile) => profile !== 'kurrentdb-cluster').filter((profile) => POSTGRES_URL || !['postgres', 'kurrentdb'].includes(profile));

  it.each(runnable)('profile %s: /health/ready turns ready, the service healthcheck passes, and a signed-in request is answered', async (profile) => {
    const service = NETRA_OF[profile];
    const env = await environmentOf(service, filledEnv(jwks.url));
    const { origin } = await start(env);
    const port = new URL(origin).port;
    const deadline = Date.now() + 60_000;
    let ready = 0;
    while (Date.now() < deadline && ready !== 200) {
      ready = (await fetch(`${origin}/health/ready`)).status;
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(ready).toBe(200);
    expect(await healthcheck(port)).toBe(0);

    const token =
      env.NODE_ENV === 'production'
        ? await signWith(signing, { claims: { agency: 'OVERSIGHT', region: null } })
        : await signDevToken(env.AUTH_DEV_SECRET, { sub: 'oversight-1', agency: 'OVERSIGHT', region: null });
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: '{ followUpSummary { overall { total } } }' }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ followUpSummary: { overall: { total: expect.any(Number) } } });
  }, 150_000);

  it('the healthcheck fails when nothing answers', async () => {
    expect(await healthcheck('1')).not.toBe(0);
  });
});
