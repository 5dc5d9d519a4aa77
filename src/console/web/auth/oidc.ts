import { jwtClaims } from './session';

/**
 * OpenID Connect authorization code flow with PKCE (RFC 7636, S256) for a public client: the
 * console has no secret, so the code is bound to a verifier that never leaves this tab. `state`
 * ties the callback to the request this tab made (CSRF); `nonce` ties the ID token to it (replay).
 */
export interface OidcClient {
  issuer: string;
  clientId: string;
  scopes: string[];
  audience?: string;
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
}

/** The pending request survives the round trip to the identity provider; removed on return. */
const PENDING_KEY = 'netra.oidc.pending';

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
}

const redirectUri = () => `${location.origin}/`;

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  const discovery = (await response.json()) as Discovery;
  // OpenID Connect Discovery §4.3: the document must name the issuer we asked.
  if (discovery.issuer !== issuer) throw new Error('the discovery document names another issuer');
  return discovery;
}

function randomText(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function s256(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** Leaves the console for the identity provider's login page. */
export async function startOidcSignIn(client: OidcClient): Promise<void> {
  const { authorization_endpoint } = await discover(client.issuer);
  const pending: Pending = { state: randomText(), nonce: randomText(), verifier: randomText(48) };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: redirectUri(),
    scope: client.scopes.join(' '),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await s256(pending.verifier),
    code_challenge_method: 'S256',
    ...(client.audience ? { audience: client.audience } : {}),
  }).toString();
  location.assign(url.toString());
}

/** True when the page was opened by the identity provider's redirect. */
export function isOidcCallback(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

/** The checks a callback can fail, each with words of its own in the dictionaries (oidc.*). */
export const OIDC_CHECKS = ['state', 'nonce', 'issuer', 'audience'] as const;
export type OidcCheck = (typeof OIDC_CHECKS)[number];

/** Checks state, exchanges the code with the verifier, checks the ID token's nonce; returns the access token. */
export async function completeOidcSignIn(client: OidcClient, search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const stored = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = stored ? (JSON.parse(stored) as Pending) : null;
  if (!pending || params.get('state') !== pending.state) throw new Error('state');
  if (params.has('error')) throw new Error(params.get('error_description') ?? params.get('error') ?? 'error');
  const { token_endpoint } = await discover(client.issuer);
  const response = await fetch(token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code') ?? '',
      redirect_uri: redirectUri(),
      client_id: client.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const tokens = (await response.json().catch(() => ({}))) as { access_token?: string; id_token?: string; error?: string };
  if (!response.ok || !tokens.access_token) throw new Error(tokens.error ?? `token endpoint answered ${response.status}`);
  // The ID token came straight from the token endpoint over TLS (OIDC Core §3.1.3.7), so its claims are read, not re-verified.
  const id = tokens.id_token ? jwtClaims(tokens.id_token) : null;
  if (!id || id.nonce !== pending.nonce) throw new Error('nonce');
  if (id.iss !== client.issuer) throw new Error('issuer');
  const audiences = Array.isArray(id.aud) ? id.aud : [id.aud];
  if (!audiences.includes(client.clientId)) throw new Error('audience');
  return tokens.access_token;
}
