import 'reflect-metadata';
import { listeningUrl, startNetra } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './observability/logger';

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
  const logger = createLogger(config.logLevel);
  let app;
  try {
    app = await startNetra(config, logger);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`netra: bad configuration: ${error.message}\n`);
      process.exit(1);
    }
    logger.fatal({ err: error instanceof Error ? error.message : String(error) }, 'netra could not start');
    process.exit(1);
  }
  const url = listeningUrl(app);
  logger.info({ url: `${url}/graphql`, health: `${url}/health`, metrics: `${url}/metrics` }, 'netra is listening');
  process.stdout.write(
    [
      '',
      `  Netra is running: GraphQL at ${url}/graphql`,
      `  Get a development token:  npm run token -- --agency BAWASLU --region 16.73`,
      `  Anonymous figures:        curl -s ${url}/graphql -H 'content-type: application/json' \\`,
      `                              -d '{"query":"{ followUpSummary { overall { total actedOnRate overdue } } }"}'`,
      '',
    ].join('\n') + '\n',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

void main();
