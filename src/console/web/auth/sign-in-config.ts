/** GET /auth/config: how this Netra signs officers in. */
export type SignInConfig =
  | { mode: 'development' }
  | { mode: 'oidc'; issuer: string; audience: string; clientId?: string; scopes?: string[] };

export async function loadSignInConfig(): Promise<SignInConfig> {
  const response = await fetch('/auth/config');
  if (!response.ok) throw new Error(`GET /auth/config answered ${response.status}`);
  return (await response.json()) as SignInConfig;
}

export interface DevSignIn {
  agency: string;
  region: string;
  name: string;
}

/** POST /auth/dev-token; a refusal names the field it is about. */
export async function requestDevToken(input: DevSignIn): Promise<{ token: string } | { field?: string; message: string }> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json().catch(() => ({ message: `HTTP ${response.status}` }))) as { token?: string; field?: string; message?: string };
  if (response.ok && body.token) return { token: body.token };
  return { field: body.field, message: body.message ?? `HTTP ${response.status}` };
}
