import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HealthImplementation } from 'grpc-health-check';
import { CASE_WORKFLOW_SERVICE } from './proto-files';

/**
 * grpc.health.v1.Health for load balancers and agency clients: SERVING once the app has started
 * (storage open, read model caught up), NOT_SERVING from the moment shutdown begins.
 */
@Injectable()
export class GrpcHealth implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly health = new HealthImplementation({ '': 'NOT_SERVING', [CASE_WORKFLOW_SERVICE]: 'NOT_SERVING' });

  addToServer(server: Parameters<HealthImplementation['addToServer']>[0]): void {
    this.health.addToServer(server);
  }

  onApplicationBootstrap(): void {
    this.set('SERVING');
  }

  beforeApplicationShutdown(): void {
    this.set('NOT_SERVING');
  }

  private set(status: 'SERVING' | 'NOT_SERVING'): void {
    this.health.setStatus('', status);
    this.health.setStatus(CASE_WORKFLOW_SERVICE, status);
  }
}
