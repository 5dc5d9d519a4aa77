import { Body, Controller, Get, Inject, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
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

  @Post('dev-token')
  async devToken(@Body() body: unknown, @Res() res: Response): Promise<void> {
    if (this.auth.mode !== 'development') {
      res.status(404).type('text/plain').send('Not found\n');
      return;
    }
    let claims;
    try {
      claims = devClaims(body);
    } catch (error) {
      if (!(error instanceof CaseError)) throw error;
      res.status(400).json({ statusCode: 400, field: error.field, message: error.message });
      return;
    }
    res.status(200).json({ token: await this.auth.issueDevToken(claims) });
  }
}

function devClaims(body: unknown): { sub: string; agency: Agency; region: string | null } {
  const { agency, region, name } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  // NETRA is Netra's own deadline process: no person may sign in as it.
  if (typeof agency !== 'string' || !TOKEN_AGENCIES.includes(agency as Agency)) {
    throw new CaseError('BAD_USER_INPUT', `must be one of ${TOKEN_AGENCIES.join(', ')}`, 'agency');
  }
  if (region !== undefined && region !== null && region !== '') {
    if (typeof region !== 'string') throw new CaseError('BAD_USER_INPUT', 'must be a Kemendagri region code such as 16.73', 'region');
    assertKnownRegion(region, 'region');
  }
  if (name !== undefined && name !== null && name !== '' && (typeof name !== 'string' || !NAME.test(name))) {
    throw new CaseError('BAD_USER_INPUT', 'must be 1–64 letters, digits, spaces or . \' @ _ -', 'name');
  }
  const unit = typeof region === 'string' && region !== '' ? region : null;
  return { sub: name ? `dev:${name}` : `dev:${agency}-${unit ?? 'national'}`, agency: agency as Agency, region: unit };
}
