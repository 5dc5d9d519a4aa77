import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import type { Clock } from './config/clock';
import type { NetraConfig } from './config/config';
import { connectGrpc } from './grpc/grpc-server';
import { PinoNestLogger } from './observability/logger';
import { startMetricsServer } from './observability/metrics-access';
import { ObservabilityController } from './observability/observability.module';
import { NetraMetrics } from './observability/metrics';
import { requestLog } from './observability/request-log';
import { PublicFiguresCache } from './oversight/public-figures/public-figures-cache';
import { publicFiguresFastPath } from './oversight/public-figures/fast-path';
import { publicFiguresMiddleware } from './oversight/public-figures/public-figures.middleware';
import { ConcurrencyGate } from './security/concurrency-gate';
import { anonymousGate } from './security/anonymous-gate.middleware';
import { AnonymousLimits } from './security/anonymous-limits';

/** Builds and starts Netra's HTTP and gRPC servers; used by main.ts and by the end-to-end tests. */
export async function startNetra(config: NetraConfig, logger: Logger, options: { clock?: Clock } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger, options.clock), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    abortOnError: false,
  });
  app.useBodyParser('json', { limit: '1mb' });
  // The anonymous rate limit keys on the client's address: behind a proxy, only the proxies named here are believed.
  if (config.trustProxy !== null) app.set('trust proxy', config.trustProxy);
  // After the body parser: it calls on from the request stream's events, outside any context set before it.
  app.use(requestLog(logger, app.get(NetraMetrics)));
  // Validators are the public figures' own (ETag keyed on the log position, public-figures-cache.ts):
  // Express's body-hash ETag would also tag answers given to a token, and revalidate them.
  app.set('etag', false);
  app.use('/graphql', publicFiguresMiddleware(app.get(PublicFiguresCache), app.get(AnonymousLimits), app.get(NetraMetrics)));
  // What the cache did not answer, for callers without a token: a few at a time, the rest in line (anonymous-gate.middleware.ts).
  const gate = new ConcurrencyGate(config.anonymousGate.concurrent, config.anonymousGate.queue, config.anonymousGate.maxWaitMs);
  const counted = (outcome: 'admitted' | 'queued' | 'refused') => app.get(NetraMetrics).anonymousGate.inc({ outcome });
  app.use('/graphql', anonymousGate(gate, 'graphql', counted));
  app.use('/exports', anonymousGate(gate, 'export', counted));
  installFastPath(app, logger);
  await connectGrpc(app, config, logger);
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.port, config.host);
  if (config.metricsPort !== null) {
    const controller = app.get(ObservabilityController);
    const metrics = await startMetricsServer(config, () => controller.figures());
    const close = app.close.bind(app);
    app.close = async () => {
      await new Promise<void>((resolve) => metrics.close(() => resolve()));
      await close();
    };
  }
  // Longer than the idle timeouts of common proxies and clients (60 s), so an idle keep-alive
  // connection is closed by the client side first: a server closing it at the moment a client
  // reuses it resets that request (ECONNRESET), which Node 20's keep-alive global agent hits.
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return app;
}

/**
 * Fresh cached anonymous summaries are answered ahead of Express (fast-path.ts): the server's
 * one request listener, Express, becomes the fast path's `next`.
 */
function installFastPath(app: NestExpressApplication, logger: Logger): void {
  const server = app.getHttpServer();
  const [express, ...others] = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  if (express === undefined || others.length > 0) throw new Error('expected Express as the HTTP server\'s only request listener');
  const instance = app.getHttpAdapter().getInstance() as { request: object; enabled(setting: string): boolean };
  // Express's own req.ip getter on a stand-in: the same TRUST_PROXY rules, without Express's request setup.
  const clientOf = (req: IncomingMessage) => (Reflect.get(instance.request, 'ip', { app: instance, headers: req.headers, socket: req.socket, connection: req.socket }) as string | undefined) ?? req.socket.remoteAddress ?? 'unknown';
  const deps = { cache: app.get(PublicFiguresCache), limits: app.get(AnonymousLimits), metrics: app.get(NetraMetrics), logger, clientOf, poweredBy: instance.enabled('x-powered-by') };
  server.removeAllListeners('request');
  server.on('request', publicFiguresFastPath(deps, express));
}

export function listeningUrl(app: INestApplication): string {
  const address = app.getHttpServer().address();
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
