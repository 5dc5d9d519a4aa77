import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { hostname } from 'node:os';
import { AuthService } from '../auth/auth.service';
import { CaseError } from '../case/case-error';
import { TOKEN_AGENCIES, type Agency } from '../case/case-vocabulary';
import { assertKnownRegion } from '../case/validation/regions';
import { NETRA_CONFIG, type NetraConfig } from '../config/config';

/** What the console needs to know to sign in; public values only (a PKCE client has no secret). */
export type SignInConfig =
  | { mode: 'development' }
  | { mode: 'oidc'; issuer: string; audience: string; clientId?: string; scopes?: string[] };

const NAME = /^[\p{L}\p{N} .'@_-]{1,64}$/u;

/**
 * GET /auth/config and, in development mode only, POST /auth/dev-token: the console's sign-in form
 * picks an agency and region and gets a token signed with the development secret. Answers are
 * written here, not thrown, because the app-wide filter speaks GraphQL.
 */
@Controller('auth')
export class SignInController {
  constructor(
    private readonly auth: AuthService,
    @Inject(NETRA_CONFIG) private readonly config: NetraConfig,
  ) {}

  @Get('config')
  signInConfig(): SignInConfig {
    const jwks = this.config.authJwks;
    if (!jwks) return { mode: 'development' };
    const client = this.config.authClient;
    return { mode: 'oidc', issuer: jwks.issuer, audience: jwks.audience, ...(client ? { clientId: client.clientId, scopes: client.scopes } : {}) };
  }

  /**
   * Only for a request addressed to this server by name (Host) and, when a browser says where the
   * page came from (Origin), from this server's own origin: a page on another site that rebinds its
   * DNS name to 127.0.0.1 sends its own name as Host, and must not get a token for any agency.
   */
  @Post('dev-token')
  async devToken(@Body() body: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (this.auth.mode !== 'development') {
      res.status(404).type('text/plain').send('Not found\n');
      return;
    }
    const refusal = foreignRequest(req.headers.host, req.headers.origin, this.config.host);
    if (refusal) {
      res.status(403).json({ code: 'FORBIDDEN', message: refusal });
      return;
    }
    let claims;
    try {
      claims = devClaims(body);
    } catch (error) {
      if (!(error instanceof CaseError)) throw error;
      res.status(400).json({ statusCode: 400, field: error.field, message: error.message, key: error.key, params: error.params ?? {} });
      return;
    }
    res.status(200).json({ token: await this.auth.issueDevToken(claims) });
  }
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const ANY_ADDRESS = ['', '0.0.0.0', '::', '[::]'];

/** The names a Host header may give for this server: loopback, and HOST (or, bound to every address, the machine's hostname). */
export function ownHostNames(configuredHost: string): Set<string> {
  const names = new Set(LOOPBACK);
  const host = configuredHost.trim().toLowerCase();
  if (ANY_ADDRESS.includes(host)) names.add(hostname().toLowerCase());
  else names.add(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  return names;
}

/** Why a dev-token request is not from this server's own pages, or null when it is. */
export function foreignRequest(host: string | undefined, origin: string | string[] | undefined, configuredHost: string): string | null {
  const hostHeader = (host ?? '').trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(hostHeader);
  if (!match || !ownHostNames(configuredHost).has(match[1])) {
    return 'development tokens are only given to requests addressed to this server as localhost, 127.0.0.1, [::1] or its HOST';
  }
  if (origin !== undefined) {
    const from = (Array.isArray(origin) ? origin.join(',') : origin).trim().toLowerCase();
    if (from !== `http://${hostHeader}` && from !== `https://${hostHeader}`) {
      return 'development tokens are only given to pages of this server’s own origin';
    }
  }
  return null;
}

function devClaims(body: unknown): { sub: string; agency: Agency; region: string | null; name: string | null } {
  const { agency, region, name } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  // NETRA is Netra's own deadline process: no person may sign in as it.
  if (typeof agency !== 'string' || !TOKEN_AGENCIES.includes(agency as Agency)) {
    throw new CaseError('BAD_USER_INPUT', `must be one of ${TOKEN_AGENCIES.join(', ')}`, 'agency', { allowed: TOKEN_AGENCIES.join(',') }, 'value.notOneOf');
  }
  if (region !== undefined && region !== null && region !== '') {
    if (typeof region !== 'string') throw new CaseError('BAD_USER_INPUT', 'must be a Kemendagri region code such as 16.73', 'region', {}, 'region.required');
    assertKnownRegion(region, 'region');
  }
  if (name !== undefined && name !== null && name !== '' && (typeof name !== 'string' || !NAME.test(name))) {
    throw new CaseError('BAD_USER_INPUT', 'must be 1–64 letters, digits, spaces or . \' @ _ -', 'name', {}, 'signIn.name');
  }
  const unit = typeof region === 'string' && region !== '' ? region : null;
  // The name the officer typed is also the token's `name` claim: the history shows it beside the unit.
  return { sub: name ? `dev:${name}` : `dev:${agency}-${unit ?? 'national'}`, agency: agency as Agency, region: unit, name: typeof name === 'string' && name !== '' ? name : null };
}
