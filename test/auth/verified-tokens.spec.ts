import * as devToken from '../../src/auth/dev-token';
import { AuthService } from '../../src/auth/auth.service';
import { rememberingVerifier } from '../../src/auth/verified-tokens';
import { CaseError } from '../../src/case/case-error';
import type { Actor } from '../../src/case/decide-context';
import { loadConfig } from '../../src/config/config';

const SECRET = 'remember-remember-remember-remember-0001';
const T0 = 1_800_000_000_000;

/** Date.now() and `new Date()` at a chosen instant for jose and the service, as dev-token-lifetime.spec.ts does. */
function atClock(): { set(ms: number): void; restore(): void } {
  const RealDate = Date;
  let ms = T0;
  class FixedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length > 0) super(args[0] as number);
      else super(ms);
    }
    static now(): number {
      return ms;
    }
  }
  global.Date = FixedDate as unknown as DateConstructor;
  return { set: (to) => void (ms = to), restore: () => void (global.Date = RealDate) };
}

const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (e: unknown) => (e instanceof CaseError ? `${e.code}: ${e.message}` : String(e)));

describe('a token is verified once and then answered from memory, never past what a fresh check would accept', () => {
  let clock: ReturnType<typeof atClock>;
  let verify: jest.SpyInstance;
  beforeEach(() => {
    clock = atClock();
    verify = jest.spyOn(devToken, 'verifyDevToken');
  });
  afterEach(() => {
    verify.mockRestore();
    clock.restore();
  });
  const service = (skew = 30) => new AuthService(loadConfig({ EVENT_STORE_URL: 'memory:', AUTH_DEV_SECRET: SECRET, AUTH_CLOCK_SKEW_SECONDS: String(skew) }));
  const token = (seconds: number) => devToken.signDevToken(SECRET, { sub: 'bawaslu-1673', agency: 'BAWASLU', region: '16.73' }, seconds);

  it('the same token on the next request is not verified again, and names the same unit (a copy each time)', async () => {
    const auth = service();
    const bearer = `Bearer ${await token(3600)}`;
    const first = await auth.actorFrom(bearer);
    const second = await auth.actorFrom(bearer);
    expect(second).toEqual({ agency: 'BAWASLU', region: '16.73', userId: 'bawaslu-1673' });
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('a remembered token is refused once it expires (with the clock skew), with the usual message', async () => {
    const auth = service(30);
    const bearer = `Bearer ${await token(600)}`;
    await auth.actorFrom(bearer);
    clock.set(T0 + (600 + 29) * 1000);
    expect(await refusal(auth.actorFrom(bearer))).toBe('accepted');
    clock.set(T0 + (600 + 30) * 1000);
    expect(await refusal(auth.actorFrom(bearer))).toBe('UNAUTHENTICATED: the token has expired');
    expect(await refusal(auth.actorFrom(bearer))).toBe('UNAUTHENTICATED: the token has expired');
  });

  it('without clock skew it is refused at its exp exactly, as jose refuses it', async () => {
    const auth = service(0);
    const bearer = `Bearer ${await token(120)}`;
    await auth.actorFrom(bearer);
    clock.set(T0 + 120 * 1000 - 1);
    expect(await refusal(auth.actorFrom(bearer))).toBe('accepted');
    clock.set(T0 + 120 * 1000);
    expect(await refusal(auth.actorFrom(bearer))).toBe('UNAUTHENTICATED: the token has expired');
  });

  it('a remembered token is verified again a minute later', async () => {
    const auth = service();
    const bearer = `Bearer ${await token(3600)}`;
    await auth.actorFrom(bearer);
    clock.set(T0 + 59_999);
    await auth.actorFrom(bearer);
    expect(verify).toHaveBeenCalledTimes(1);
    clock.set(T0 + 60_000);
    await auth.actorFrom(bearer);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('a refused token is checked in full every time (refusals are not remembered)', async () => {
    const auth = service();
    const forged = `Bearer ${await devToken.signDevToken('another-secret-another-secret-another-01', { sub: 'x', agency: 'BAWASLU', region: '16.73' }, 3600)}`;
    for (let i = 0; i < 3; i++) expect(await refusal(auth.actorFrom(forged))).toBe('UNAUTHENTICATED: the token is not valid');
    expect(verify).toHaveBeenCalledTimes(3);
  });
});

describe('the memory of verified tokens', () => {
  const actor: Actor = { agency: 'BKN', region: null, userId: 'bkn-1' };
  /** A token-shaped string whose payload carries `exp` (the memory reads only that claim, after the verifier accepted it). */
  const tokenWith = (exp: number, n = 0) => `h.${Buffer.from(JSON.stringify({ exp, n })).toString('base64url')}.s`;

  it('holds at most its capacity, the oldest going first', async () => {
    const seen: string[] = [];
    const verify = rememberingVerifier(async (t) => (seen.push(t), actor), 0, { capacity: 2, now: () => T0 });
    const [a, b, c] = [0, 1, 2].map((n) => tokenWith(T0 / 1000 + 3600, n));
    for (const t of [a, b, c, c, b, a]) await verify(t);
    expect(seen).toEqual([a, b, c, a]);
  });

  it("stands only while what the verification rested on (the identity provider's key set) is unchanged", async () => {
    let keySet: string | null = 'keys-1';
    let calls = 0;
    const verify = rememberingVerifier(async () => (calls++, actor), 0, { trust: () => keySet, now: () => T0 });
    const t = tokenWith(T0 / 1000 + 3600);
    await verify(t);
    await verify(t);
    expect(calls).toBe(1);
    keySet = 'keys-2'; // fetched again and changed (a key withdrawn, or added): checked again
    await verify(t);
    expect(calls).toBe(2);
    await verify(t);
    expect(calls).toBe(2);
    keySet = null; // jose would fetch the set before its next check: so every use is checked in full
    await verify(t);
    await verify(t);
    expect(calls).toBe(4);
  });
});
