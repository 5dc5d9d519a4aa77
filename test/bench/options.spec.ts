import { options, PHASES, USAGE } from '../../src/bench/options';

describe('the bench command line', () => {
  it('takes the options a run is documented with', () => {
    const o = options(['--quick', '--stores=postgres', '--phases=load,rebuild,reads', '--replay-cases=102500', '--keep', '--lag-trace', '--postgres=postgres://u@h:5432/db?sslmode=disable']);
    expect(o.quick).toBe(true);
    expect(o.stores).toEqual(['postgres']);
    expect([...o.phases!]).toEqual(['load', 'rebuild', 'reads']);
    expect(o.replayCases).toBe(102_500);
    expect(o.keep).toBe(true);
    expect(o.lagTrace).toBe(true);
  });

  it('refuses an option it does not know, naming it, instead of starting a full run', () => {
    expect(() => options(['--quik'])).toThrow('--quik: not an option of the bench');
    expect(() => options(['--replay-case=5'])).toThrow('--replay-case=5: not an option of the bench');
    expect(() => options(['quick'])).toThrow('quick: not an option of the bench');
    // A switch given a value, or a valued option given none, is refused too.
    expect(() => options(['--quick=yes'])).toThrow('--quick=yes');
    expect(() => options(['--stores'])).toThrow('--stores');
  });

  it('refuses a phase it does not have, listing the ones it has', () => {
    expect(() => options(['--phases=load,rebuld'])).toThrow('--phases: no phase named "rebuld"');
  });

  it('lists every phase and option in its help', () => {
    for (const p of PHASES) expect(USAGE).toContain(p);
    for (const flag of ['--keep', '--database=', '--lag-trace', '--breakdown', '--profile', '--graphql-selection=', '--help']) expect(USAGE).toContain(flag);
  });
});
