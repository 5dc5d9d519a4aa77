import { Module } from '@nestjs/common';
import { CaseApiModule } from '../api/case-api.module';
import { DemoLoader } from './demo-loader';

@Module({ imports: [CaseApiModule], providers: [DemoLoader] })
export class DemoModule {}
