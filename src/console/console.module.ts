import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CONSOLE_DIR, ConsoleStaticMiddleware, DEFAULT_CONSOLE_DIR } from './console-static.middleware';
import { SignInController } from './sign-in.controller';

/** The web console at `/` (built by `vite build` into dist/console-web, apart from the server's own dist/ tree) and its sign-in endpoints under /auth. */
@Module({
  imports: [AuthModule],
  controllers: [SignInController],
  providers: [{ provide: CONSOLE_DIR, useValue: DEFAULT_CONSOLE_DIR }, ConsoleStaticMiddleware],
})
export class ConsoleModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ConsoleStaticMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
