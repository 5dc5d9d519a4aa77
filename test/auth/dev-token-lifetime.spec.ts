import { decodeJwt } from 'jose';
import { lifetimeSeconds, signDevToken, verifyDevToken } from '../../src/auth/dev-token';

describe('a development token lives exactly as long as asked', () => {
  it('even when the clock turns a second while it is signed (it once lived 12 h + 1 s and was refused)', async () => {
    // A clock that moves on a second at every read: jose reads it once per claim it fills itself.
    const RealDate = Date;
    let ms = 1_764_979_199_999;
    class TickingDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length > 0) super(args[0] as number);
        else super((ms += 1000) - 1000);
      }
      static now(): number {
        return (ms += 1000) - 1000;
      }
    }
    let token: string;
    global.Date = TickingDate as unknown as DateConstructor;
    try {
      token = await signDevToken('s'.repeat(32), { sub: 'x', agency: 'BKN' });
    } finally {
      global.Date = RealDate;
    }
    const { iat, exp } = decodeJwt(token);
    expect(exp! - iat!).toBe(12 * 3600);
    await expect(verifyDevToken('s'.repeat(32), token)).rejects.toThrow(/expired/); // issued in 2025
  });

  it('reads lifetimes as the CLI and the service write them', () => {
    expect([lifetimeSeconds('90s'), lifetimeSeconds('30m'), lifetimeSeconds('12h'), lifetimeSeconds('1d'), lifetimeSeconds(43_200)]).toEqual([90, 1800, 43_200, 86_400, 43_200]);
    expect(() => lifetimeSeconds('twelve hours')).toThrow(/such as 90s, 30m, 12h or 1d/);
  });
});
