// Node ≥ 22 keeps the compiled code of every module loaded after this between starts; absent on Node 20.
(require('node:module') as { enableCompileCache?: () => unknown }).enableCompileCache?.();
import { ConfigError, loadConfig } from './config/config';
import { openEmbeddedEarly } from './event-store/pglite/embedded-early-open';
import type { Storage } from './storage/storage';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`netra: bad configuration: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // The embedded database starts on its own thread before the application's ~2,600 modules load
  // on this one (README, "Start-up"): storage takes it when the app is built.
  if (config.eventStore.kind === 'embedded') openEmbeddedEarly(config.eventStore.location, { sync: config.embeddedSync, thread: config.embeddedThread });
  require('reflect-metadata');
  const { AuthService } = await import('./auth/auth.service');
  const { listeningUrl, startNetra } = await import('./bootstrap');
  const { DamagedStoreError } = await import('./event-store/damaged-store-error');
  const { createLogger } = await import('./observability/logger');
  const { STORAGE } = await import('./storage/storage.module');
  const { loggableError } = await import('./observability/loggable-error');
  const { StoreUnreachableError } = await import('./storage/wait-for-store');
  const logger = createLogger(config.logLevel);
  // Before the app is built, so every span has the SDK's context manager; off unless configured,
  // and then loaded only (the SDK and its exporter take a few hundred ms to load).
  const stopTracing = config.tracing ? (await import('./observability/tracing-sdk')).startTracing(config.tracing) : async () => undefined;
  let app;
  try {
    app = await startNetra(config, logger);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`netra: bad configuration: ${error.message}\n`);
      process.exit(1);
    }
    if (error instanceof DamagedStoreError) {
      process.stderr.write(`netra: cannot start: ${error.message}\n`);
      process.exit(1);
    }
    if (error instanceof StoreUnreachableError) {
      logger.fatal({ dependency: error.dependency, failure: loggableError(error.lastFailure) }, 'netra could not start: a store did not answer');
      process.stderr.write(`netra: could not start: ${error.message}\n`);
      process.exit(1);
    }
    logger.fatal({ err: loggableError(error) }, 'netra could not start');
    process.exit(1);
  }
  // Listening on every interface (a container): the banner gives an address a browser on this host can open.
  const url = listeningUrl(app).replace('://0.0.0.0:', '://localhost:').replace('://[::]:', '://localhost:');
  const secret = app.get(AuthService).secretOrigin;
  const secretLine = config.authJwks
    ? `  Tokens are verified against the identity provider's keys at ${config.authJwks.url}`
    : secret === 'generated' && config.dataDir
      ? `  No AUTH_DEV_SECRET was set: generated one and stored it in ${config.dataDir}/dev-secret`
      : secret === 'generated'
        ? '  No AUTH_DEV_SECRET was set: using a throw-away secret for this in-memory run'
        : `  Development tokens are signed with the secret from ${secret === 'stored' ? `${config.dataDir}/dev-secret` : 'AUTH_DEV_SECRET'}`;
  const masterKey = app.get<Storage>(STORAGE).masterKey;
  const keyLine =
    masterKey.kind === 'file' && masterKey.created
      ? `  No NETRA_MASTER_KEY was set: generated the development master key into ${masterKey.file}; back it up with the data (without it personal data cannot be read)`
      : masterKey.kind === 'file'
        ? `  Personal data is sealed with the development master key in ${masterKey.file}`
        : null;
  logger.info({ console: `${url}/`, url: `${url}/graphql`, health: `${url}/health/ready`, metrics: `${url}/metrics` }, 'netra is listening');
  process.stdout.write(
    [
      '',
      '  ──────────────────────────────────────────────────────────────────────',
      `  Netra is running (store: ${config.eventStore.kind}).`,
      `  Console (open in a browser):  ${url}/`,
      `  GraphQL API:                  ${url}/graphql`,
      `  Health:                       ${url}/health/ready   (liveness: ${url}/health/live)`,
      secretLine,
      ...(keyLine ? [keyLine] : []),
      config.authJwks
        ? `  Tokens must carry iss ${config.authJwks.issuer} and aud ${config.authJwks.audience}`
        : `  Get a development token:  npm run token -- --agency BAWASLU --region 16.73`,
      `  Anonymous figures:        curl -s ${url}/graphql -H 'content-type: application/json' \\`,
      `                              -d '{"query":"{ followUpSummary { overall { total actedOnRate overdue } } }"}'`,
      '  ──────────────────────────────────────────────────────────────────────',
      '',
    ].join('\n') + '\n',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await stopTracing();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

void main();
