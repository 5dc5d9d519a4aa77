import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ISSUER = 'https://sso.netra.test/realms/netra';
export const AUDIENCE = 'netra-api';

export interface SigningKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: KeyLike;
  jwk: JWK;
}

export async function aSigningKey(kid: string, alg: 'RS256' | 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

export interface TokenOptions {
  claims?: Record<string, unknown>;
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative = in the past. */
  expiresIn?: number | null;
  notBefore?: number;
  kid?: string;
}

/** A token as the identity provider would sign it: iss, aud, exp, kid in the header. */
export function signWith(key: SigningKey, options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ agency: 'BAWASLU', region: '16.73', ...options.claims })
    .setProtectedHeader({ alg: key.alg, kid: options.kid ?? key.kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt(now - 60);
  if (!options.claims || !('sub' in options.claims)) jwt.setSubject('officer-1673');
  if (options.expiresIn !== null) jwt.setExpirationTime(now + (options.expiresIn ?? 600));
  if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
  return jwt.sign(key.privateKey);
}

/** The identity provider's key endpoint, on a random local port; its key set can be swapped (rotation). */
export class TestJwksServer {
  requests = 0;
  private keys: SigningKey[] = [];
  private readonly server: Server = createServer((req, res) => {
    this.requests += 1;
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: this.keys.map((key) => key.jwk) }));
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/jwks.json`;
  }

  /** Where nothing is served: the provider's keys cannot be fetched. */
  get brokenUrl(): string {
    return this.url.replace('/.well-known/jwks.json', '/nothing-here');
  }

  publish(...keys: SigningKey[]): void {
    this.keys = keys;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
