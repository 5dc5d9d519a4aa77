import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module';
import { DemoLoader } from './demo-loader';

@Module({ imports: [CaseModule], providers: [DemoLoader] })
export class DemoModule {}
