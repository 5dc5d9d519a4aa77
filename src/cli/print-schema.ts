import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { startNetra } from '../bootstrap';
import { loadConfig } from '../config/config';
import { printedSchema, SCHEMA_FILE } from '../graphql/print-schema';
import { createLogger } from '../observability/logger';

/** `npm run schema`: rewrites src/schema.graphql from the code-first types (commit the result). */
async function main(): Promise<void> {
  const config = { ...loadConfig({ EVENT_STORE_URL: 'memory:', NETRA_DEMO: '0', PORT: '0', GRPC_PORT: '0' }) };
  const app = await startNetra(config, createLogger('warn'));
  writeFileSync(SCHEMA_FILE, printedSchema(app));
  await app.close();
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}

void main();
