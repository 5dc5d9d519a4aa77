import { Global, Module, type DynamicModule } from '@nestjs/common';
import { NETRA_CONFIG, type NetraConfig } from './config';

/** The typed configuration, loaded and validated once at start (see loadConfig). */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: NetraConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: NETRA_CONFIG, useValue: config }], exports: [NETRA_CONFIG] };
  }
}
