import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AUDIENCE, aSigningKey, signWith, type SigningKey } from './identity-provider';

/** One officer the provider signs in without asking (the login page is not what is tested). */
export interface ProviderUser {
  sub: string;
  agency: string;
  region?: string;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string;
}

/**
 * A small OpenID Connect provider for browser tests: discovery, JWKS, an authorization endpoint
 * that insists on PKCE S256, state and nonce, and a token endpoint that checks the verifier
 * against the challenge (RFC 7636 §4.6) before it hands out an access token for Netra.
 */
export class TestOidcProvider {
  /** Every code exchange and whether its PKCE verifier matched. */
  readonly exchanges: Array<{ pkce: 'verified' | 'refused' }> = [];
  private readonly codes = new Map<string, IssuedCode>();
  private key!: SigningKey;
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));

  constructor(
    readonly clientId: string,
    private readonly user: ProviderUser,
  ) {}

  async start(): Promise<this> {
    this.key = await aSigningKey('console-test', 'RS256');
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get issuer(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/realms/netra`;
  }

  get jwksUrl(): string {
    return `${this.issuer}/protocol/openid-connect/certs`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://provider');
    // The console calls discovery and the token endpoint from its own origin.
    res.setHeader('Access-Control-Allow-Origin', '*');
    const path = url.pathname.replace('/realms/netra', '');
    if (req.method === 'GET' && path === '/.well-known/openid-configuration') return json(res, 200, this.discovery());
    if (req.method === 'GET' && path === '/protocol/openid-connect/certs') return json(res, 200, { keys: [this.key.jwk] });
    if (req.method === 'GET' && path === '/protocol/openid-connect/auth') return this.authorize(url.searchParams, res);
    if (req.method === 'POST' && path === '/protocol/openid-connect/token') return this.token(new URLSearchParams(await body(req)), res);
    res.writeHead(404).end();
  }

  private discovery() {
    return {
      issuer: this.issuer,
      authorization_endpoint: `${this.issuer}/protocol/openid-connect/auth`,
      token_endpoint: `${this.issuer}/protocol/openid-connect/token`,
      jwks_uri: this.jwksUrl,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
    };
  }

  private authorize(params: URLSearchParams, res: ServerResponse): void {
    const missing = ['client_id', 'redirect_uri', 'state', 'nonce', 'code_challenge'].find((name) => !params.get(name));
    if (missing) return void res.writeHead(400).end(`missing ${missing}`);
    if (params.get('response_type') !== 'code') return void res.writeHead(400).end('response_type must be code');
    if (params.get('code_challenge_method') !== 'S256') return void res.writeHead(400).end('PKCE S256 required');
    if (params.get('client_id') !== this.clientId) return void res.writeHead(400).end('unknown client');
    if (!params.get('scope')?.split(' ').includes('openid')) return void res.writeHead(400).end('scope must include openid');
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { clientId: this.clientId, redirectUri: params.get('redirect_uri')!, challenge: params.get('code_challenge')!, nonce: params.get('nonce')! });
    const back = new URL(params.get('redirect_uri')!);
    back.searchParams.set('code', code);
    back.searchParams.set('state', params.get('state')!);
    res.writeHead(302, { location: back.toString() }).end();
  }

  private async token(form: URLSearchParams, res: ServerResponse): Promise<void> {
    const issued = this.codes.get(form.get('code') ?? '');
    this.codes.delete(form.get('code') ?? ''); // one use only
    if (form.get('grant_type') !== 'authorization_code' || !issued) return json(res, 400, { error: 'invalid_grant' });
    if (form.get('client_id') !== issued.clientId || form.get('redirect_uri') !== issued.redirectUri) return json(res, 400, { error: 'invalid_grant' });
    const verifier = form.get('code_verifier') ?? '';
    const verified = createHash('sha256').update(verifier).digest('base64url') === issued.challenge;
    this.exchanges.push({ pkce: verified ? 'verified' : 'refused' });
    if (!verified) return json(res, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
    const { sub, ...claims } = this.user;
    const accessToken = await signWith(this.key, { issuer: this.issuer, audience: AUDIENCE, claims: { sub, ...claims } });
    const idToken = await signWith(this.key, { issuer: this.issuer, audience: issued.clientId, claims: { sub, nonce: issued.nonce } });
    json(res, 200, { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: 600 });
  }
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
