/** Who may call: identity-provider tokens (AUTH_*) or development tokens, and the key that seals personal data. */
import { ConfigError } from './config-error';
import { optional } from './config-values';

export interface AuthJwksConfig {
  url: string;
  issuer: string;
  audience: string;
}

export interface AuthClientConfig {
  clientId: string;
  /** Always includes openid: the console checks the ID token's nonce. */
  scopes: string[];
}

/** JWKS mode when AUTH_JWKS_URL is set; production refuses the development HS256 mode. */
export function authJwksOf(env: NodeJS.ProcessEnv, nodeEnv: string, devSecret: string | null): AuthJwksConfig | null {
  const url = optional(env.AUTH_JWKS_URL);
  const issuer = optional(env.AUTH_ISSUER);
  const audience = optional(env.AUTH_AUDIENCE);
  const production = nodeEnv === 'production';
  if (devSecret !== null && production) {
    throw new ConfigError('AUTH_DEV_SECRET', 'must not be set when NODE_ENV=production; tokens come from the identity provider (AUTH_JWKS_URL)');
  }
  if (url === null) {
    if (production) throw new ConfigError('AUTH_JWKS_URL', 'required when NODE_ENV=production (development HS256 tokens are refused there)');
    if (issuer !== null) throw new ConfigError('AUTH_JWKS_URL', 'required with AUTH_ISSUER');
    if (audience !== null) throw new ConfigError('AUTH_JWKS_URL', 'required with AUTH_AUDIENCE');
    return null;
  }
  if (!/^https?:\/\/[^/?#\s]+/i.test(url) || !URL.canParse(url)) throw new ConfigError('AUTH_JWKS_URL', 'must be an http:// or https:// URL');
  if (issuer === null) throw new ConfigError('AUTH_ISSUER', 'required with AUTH_JWKS_URL (the iss every token must carry)');
  if (audience === null) throw new ConfigError('AUTH_AUDIENCE', 'required with AUTH_JWKS_URL (the aud every token must carry)');
  if (devSecret !== null) throw new ConfigError('AUTH_DEV_SECRET', 'must not be set together with AUTH_JWKS_URL; tokens come from the identity provider');
  return { url, issuer, audience };
}

/** The console signs in at the identity provider with a public client (authorization code + PKCE). */
export function authClientOf(env: NodeJS.ProcessEnv, authJwks: AuthJwksConfig | null): AuthClientConfig | null {
  const clientId = optional(env.AUTH_CLIENT_ID);
  const scopes = optional(env.AUTH_SCOPES);
  if (clientId === null) {
    if (scopes !== null) throw new ConfigError('AUTH_SCOPES', 'only used with AUTH_CLIENT_ID');
    return null;
  }
  if (authJwks === null) throw new ConfigError('AUTH_CLIENT_ID', 'only used with AUTH_JWKS_URL (development mode signs in with development tokens)');
  if (!/^[\x21-\x7e]{1,200}$/.test(clientId)) throw new ConfigError('AUTH_CLIENT_ID', 'must be the client id at the identity provider: printable characters, no spaces');
  const list = (scopes ?? 'openid profile').split(/\s+/);
  // RFC 6749 §3.3 scope-token characters.
  if (list.some((scope) => !/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope))) throw new ConfigError('AUTH_SCOPES', 'must be scope names separated by spaces');
  if (!list.includes('openid')) throw new ConfigError('AUTH_SCOPES', 'must include openid');
  return { clientId, scopes: list };
}

export function clockSkewOf(value: string | undefined): number {
  const text = optional(value);
  if (text === null) return 30;
  const seconds = Number(text);
  if (!/^\d+$/.test(text) || seconds > 300) throw new ConfigError('AUTH_CLOCK_SKEW_SECONDS', 'must be a whole number of seconds 0–300');
  return seconds;
}

export function masterKeyOf(env: NodeJS.ProcessEnv): string | null {
  const key = optional(env.NETRA_MASTER_KEY);
  if (key !== null && Buffer.from(key, 'base64').length !== 32) {
    throw new ConfigError('NETRA_MASTER_KEY', 'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
  }
  if (key === null && optional(env.NODE_ENV) === 'production') {
    throw new ConfigError('NETRA_MASTER_KEY', 'is required when NODE_ENV=production: it protects reporter identities and NIPs');
  }
  return key;
}
