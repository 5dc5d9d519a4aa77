import fc from 'fast-check';
import { PackedStates } from '../../../src/oversight/projection/packed-states';

/** The bulk load's folded states (packed-states.ts): plain JSON up to a budget, deflated after it. */
describe('packed states', () => {
  it('give back what was put, plain within the budget and deflated beyond it, the budget counted as states are replaced and deleted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.option(fc.record({ text: fc.string({ maxLength: 300 }), n: fc.integer() }), { nil: undefined })), { maxLength: 60 }),
        fc.integer({ min: 0, max: 2000 }),
        (steps, budget) => {
          const states = new PackedStates<{ text: string; n: number }>(budget);
          const model = new Map<string, { text: string; n: number }>();
          for (const [i, value] of steps) {
            const id = `case-${i}`;
            if (value === undefined) {
              states.delete(id);
              model.delete(id);
            } else {
              states.set(id, value);
              model.set(id, value);
            }
            expect(states.plain).toBeLessThanOrEqual(budget);
          }
          expect(states.size).toBe(model.size);
          for (const [id, value] of model) expect(states.get(id)).toEqual(value);
          expect([...states.values()].sort((a, b) => a.n - b.n || (a.text < b.text ? -1 : 1))).toEqual([...model.values()].sort((a, b) => a.n - b.n || (a.text < b.text ? -1 : 1)));
          // Everything plain is accounted for: deleting all leaves the budget unused.
          for (const id of model.keys()) states.delete(id);
          expect(states.plain).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('deflates once the budget is used: a state beyond it takes less room than its JSON', () => {
    const states = new PackedStates<{ text: string }>(100);
    states.set('a', { text: 'x'.repeat(50) });
    expect(states.plain).toBe(JSON.stringify({ text: 'x'.repeat(50) }).length);
    states.set('b', { text: 'y'.repeat(5000) });
    expect(states.plain).toBe(JSON.stringify({ text: 'x'.repeat(50) }).length);
    expect(states.get('b')).toEqual({ text: 'y'.repeat(5000) });
  });
});
