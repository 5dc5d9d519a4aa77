import { parseArgs } from 'node:util';
import { resolveDevSecret } from '../auth/dev-secret';
import { signDevToken } from '../auth/dev-token';
import { AGENCIES, type Agency } from '../case/case-vocabulary';
import { assertKnownRegion } from '../case/validation/regions';
import { ConfigError, loadConfig } from '../config/config';

/** `npm run token -- --agency PPK --region 16.73 [--sub name] [--expires 12h]`: a development token. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.authJwks) fail('AUTH_JWKS_URL is set: tokens come from the identity provider, not from this development tool');
  const { values } = parseArgs({
    options: {
      agency: { type: 'string' },
      region: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const agency = (values.agency ?? '').toUpperCase() as Agency;
  if (!AGENCIES.includes(agency)) fail(`--agency must be one of ${AGENCIES.join(', ')}`);
  if (values.region) {
    try {
      assertKnownRegion(values.region, 'region');
    } catch (error) {
      fail(`--region ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (!config.authDevSecret && !config.dataDir) fail('with EVENT_STORE_URL=memory: set AUTH_DEV_SECRET to sign tokens the server accepts');
  const { secret, origin } = resolveDevSecret(config.authDevSecret, config.dataDir);
  if (origin === 'generated') process.stderr.write(`netra: generated a development secret in ${config.dataDir}\n`);
  const sub = values.sub ?? `${agency.toLowerCase()}-${values.region ?? 'national'}`;
  process.stdout.write(`${await signDevToken(secret, { sub, agency, region: values.region ?? null }, values.expires)}\n`);
}

function fail(message: string): never {
  process.stderr.write(`netra token: ${message}\n`);
  process.exit(2);
}

main().catch((error) => {
  fail(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error));
});
