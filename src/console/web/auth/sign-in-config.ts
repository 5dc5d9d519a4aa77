import { askOtherTabs } from './session';

/** GET /auth/config: how this Netra signs officers in. */
export type SignInConfig =
  | { mode: 'development' }
  | { mode: 'oidc'; issuer: string; audience: string; clientId?: string; scopes?: string[] };

/** Also waits for an open tab to share its sign-in, so a new tab never flashes the sign-in page. */
export async function loadSignInConfig(): Promise<SignInConfig> {
  const [response] = await Promise.all([fetch('/auth/config'), askOtherTabs()]);
  if (!response.ok) throw new Error(`GET /auth/config answered ${response.status}`);
  return (await response.json()) as SignInConfig;
}

export interface DevSignIn {
  agency: string;
  region: string;
  name: string;
}

/** POST /auth/dev-token; a refusal names the field it is about. */
export async function requestDevToken(input: DevSignIn): Promise<{ token: string } | { code: string; field?: string; message: string; key?: string; params?: Record<string, unknown> }> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json().catch(() => ({ message: `HTTP ${response.status}` }))) as { token?: string; code?: string; field?: string; message?: string; key?: string; params?: Record<string, unknown> };
  if (response.ok && body.token) return { token: body.token };
  const code = body.code ?? (response.status === 400 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR');
  return { code, field: body.field, message: body.message ?? `HTTP ${response.status}`, key: body.key, params: body.params };
}
