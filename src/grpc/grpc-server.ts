import type { INestApplication } from '@nestjs/common';
import { ServerCredentials, type Server } from '@grpc/grpc-js';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { Transport, type GrpcOptions } from '@nestjs/microservices';
import { protoPath as HEALTH_PROTO } from 'grpc-health-check';
import { createServer } from 'node:net';
import type { Logger } from 'pino';
import type { NetraConfig } from '../config/config';
import { NetraMetrics } from '../observability/metrics';
import { grpcCallLog } from './grpc-call-log';
import { GrpcHealth } from './grpc-health';
import { addReflectionOnFirstCall } from './grpc-reflection';
import { CASE_WORKFLOW_PROTO, GRPC_PACKAGE, LOADER_OPTIONS } from './proto-files';

const addresses = new WeakMap<INestApplication, string>();

/** `host:port` the gRPC API of a started app listens on. */
export function grpcAddress(app: INestApplication): string {
  const address = addresses.get(app);
  if (!address) throw new Error('the gRPC API was not started on this app');
  return address;
}

/**
 * Adds the gRPC API (`netra.v1.CaseWorkflow`, grpc.health.v1.Health, server reflection) to the HTTP
 * app: same process, same CommandBus/QueryBus, auth and error codes. GRPC_PORT=0 takes a free port.
 */
export async function connectGrpc(app: INestApplication, config: NetraConfig, logger: Logger): Promise<string> {
  const port = config.grpcPort === 0 ? await freePort(config.host) : config.grpcPort;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `${host}:${port}`;
  const definition = loadSync(CASE_WORKFLOW_PROTO, LOADER_OPTIONS);
  const health = app.get(GrpcHealth);
  const served = withHealth(definition);
  const methods = new Set([...methodPaths(served), ...REFLECTION_METHODS]);
  // grpc-js takes server interceptors in the options Nest passes to its Server (channelOptions).
  const interceptors = { interceptors: [grpcCallLog(logger, app.get(NetraMetrics), methods)] } as unknown as GrpcOptions['options']['channelOptions'];
  app.connectMicroservice<GrpcOptions>({
    transport: Transport.GRPC,
    options: {
      url,
      package: GRPC_PACKAGE,
      packageDefinition: definition,
      loader: LOADER_OPTIONS as GrpcOptions['options']['loader'],
      credentials: ServerCredentials.createInsecure(),
      channelOptions: interceptors,
      onLoadPackageDefinition: (_: PackageDefinition, server: Server) => {
        health.addToServer(server);
        addReflectionOnFirstCall(server, served);
      },
    },
  });
  addresses.set(app, url);
  logger.info({ grpc: url }, 'grpc api configured');
  return url;
}

/** The reflection service's own methods, which its package adds without a definition here. */
const REFLECTION_METHODS = ['/grpc.reflection.v1.ServerReflection/ServerReflectionInfo', '/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo'];

/** `/package.Service/Method` of every method a definition serves (message types have no path). */
function methodPaths(definition: PackageDefinition): string[] {
  return Object.values(definition).flatMap((entry) => Object.values(entry).map((method) => (method as { path?: unknown }).path).filter((path): path is string => typeof path === 'string'));
}

function withHealth(definition: PackageDefinition): PackageDefinition {
  return { ...loadSync(HEALTH_PROTO, LOADER_OPTIONS), ...definition };
}

/** A port nobody listens on right now (Nest's gRPC transport does not report the port it bound). */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
