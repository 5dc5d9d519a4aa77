import { Global, Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import type { Logger } from 'pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CaseApiModule } from './api/case-api.module';
import { CaseModule } from './case/case.module';
import { ConfigModule } from './config/config.module';
import { ConsoleModule } from './console/console.module';
import type { Clock } from './config/clock';
import type { NetraConfig } from './config/config';
import { DemoModule } from './demo/demo.module';
import { validationError } from './case/validation/validation-error';
import { GraphqlErrorFilter } from './graphql/graphql-errors';
import { NetraGraphqlModule } from './graphql/graphql.module';
import { GrpcModule } from './grpc/grpc.module';
import { ImportModule } from './import/import.module';
import { LOGGER } from './observability/logger';
import { ObservabilityController, ObservabilityModule } from './observability/observability.module';
import { OversightModule } from './oversight/oversight.module';
import { InboxModule } from './inbox/inbox.module';
import { NotificationsModule } from './notifications/notifications.module';
import { StorageModule } from './storage/storage.module';
import { AnonymousLimitsModule } from './security/anonymous-limits';
import { SafeTextPipe } from './api/text-safety';
import { validatorPackage } from './security/input-rules';

@Global()
@Module({})
class LoggerModule {
  static forRoot(logger: Logger): DynamicModule {
    return { module: LoggerModule, providers: [{ provide: LOGGER, useValue: logger }], exports: [LOGGER] };
  }
}

/** Netra in one process: storage, write side, read side, GraphQL, gRPC, health, metrics and the web console. */
@Module({})
export class AppModule {
  static forRoot(config: NetraConfig, logger: Logger, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        LoggerModule.forRoot(logger),
        ObservabilityModule,
        AnonymousLimitsModule,
        StorageModule,
        AuditModule,
        AuthModule,
        OversightModule,
        InboxModule,
        NotificationsModule,
        CaseModule,
        CaseApiModule,
        ImportModule,
        DemoModule,
        NetraGraphqlModule,
        GrpcModule,
        ConsoleModule,
      ],
      controllers: [ObservabilityController],
      providers: [
        { provide: APP_FILTER, useClass: GraphqlErrorFilter },
        { provide: APP_PIPE, useClass: SafeTextPipe },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ transform: true, exceptionFactory: validationError, validatorPackage }),
        },
      ],
    };
  }
}
