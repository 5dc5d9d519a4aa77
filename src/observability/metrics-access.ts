import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { NetraConfig } from '../config/config';

/** What a request for /metrics gets: the figures, or a refusal that says nothing about them. */
export type MetricsAccess = 'allowed' | 'unauthorized' | 'not-here';

/**
 * /metrics tells an outsider how busy Netra is and what fails: in production it is served only
 * with METRICS_TOKEN as a bearer token, or on METRICS_PORT (a port an operator keeps internal).
 */
export function metricsAccess(config: NetraConfig, authorization: string | undefined, onMetricsPort: boolean): MetricsAccess {
  if (config.metricsPort !== null && !onMetricsPort) return 'not-here';
  if (config.metricsToken !== null) return bearerMatches(authorization, config.metricsToken) ? 'allowed' : 'unauthorized';
  return onMetricsPort || config.metricsOpen ? 'allowed' : 'not-here';
}

function bearerMatches(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The separate metrics listener (METRICS_PORT): GET /metrics and nothing else. */
export async function startMetricsServer(config: NetraConfig, scrape: () => Promise<string>): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') return void res.writeHead(404).end();
    const access = metricsAccess(config, req.headers.authorization, true);
    if (access !== 'allowed') return void res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
    scrape().then(
      (body) => res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.metricsPort!, config.host, () => resolve());
  });
  return server;
}
