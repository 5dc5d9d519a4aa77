import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import serveStatic from 'serve-static';
import { NETRA_CONFIG, type NetraConfig } from '../config/config';
import { consoleContentSecurityPolicy } from './content-security-policy';

/** Where `vite build` writes the console; the same path from src/console (tests) and dist/console (built server). */
export const CONSOLE_DIR = Symbol('CONSOLE_DIR');
export const DEFAULT_CONSOLE_DIR = join(__dirname, '..', '..', 'dist', 'console-web');

/** Only these paths are the console's, so /graphql, /health, /metrics and /auth can never be shadowed. */
const CONSOLE_PATH = /^\/(index\.html|favicon\.svg|assets\/[\w.-]+)?$/;

const NOT_BUILT = 'The Netra console is not built. Run `npm run build` (npm start does it), then restart Netra.\n';

/**
 * Serves the built console at `/`. Hashed files under /assets never change, so browsers keep them a
 * year; index.html is revalidated on every load so a new build is picked up at once.
 */
@Injectable()
export class ConsoleStaticMiddleware implements NestMiddleware {
  private readonly serve: ReturnType<typeof serveStatic> | null;
  private readonly policy: string;

  constructor(@Inject(CONSOLE_DIR) dir: string, @Inject(NETRA_CONFIG) config: NetraConfig) {
    this.policy = consoleContentSecurityPolicy(config.authJwks?.issuer ?? null);
    // Checked once at start: a missing build must not stop the API, only the console.
    this.serve = existsSync(join(dir, 'index.html'))
      ? serveStatic(dir, {
          index: ['index.html'],
          redirect: false,
          dotfiles: 'ignore',
          setHeaders: (res, path) => {
            const hashed = path.startsWith(join(dir, 'assets') + sep);
            res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
          },
        })
      : null;
  }

  use(req: Request, res: Response, next: NextFunction): void {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !CONSOLE_PATH.test(req.path)) return next();
    res.setHeader('Content-Security-Policy', this.policy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // The OIDC callback carries the authorization code in the URL: never leak it in a Referer.
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!this.serve) {
      res.status(503).type('text/plain').send(NOT_BUILT);
      return;
    }
    this.serve(req, res, next);
  }
}
