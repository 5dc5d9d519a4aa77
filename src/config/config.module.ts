import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, systemClock, type Clock } from './clock';
import { NETRA_CONFIG, type NetraConfig } from './config';

/** The typed configuration, loaded and validated once at start (see loadConfig). */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: NetraConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: NETRA_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [NETRA_CONFIG, CLOCK],
    };
  }
}
