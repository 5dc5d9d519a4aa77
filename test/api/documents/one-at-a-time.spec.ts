import { OneAtATime } from '../../../src/api/documents/one-at-a-time';

/** Uploads of the same bytes to one case are serialized (the refused one's cleanup cannot remove the other's blob). */
describe('OneAtATime', () => {
  const gate = () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  };

  it('runs tasks of one key one after another, in order, even when one fails', async () => {
    const queue = new OneAtATime();
    const log: string[] = [];
    const first = gate();
    const a = queue.run('case/sha', async () => {
      log.push('a starts');
      await first.opened;
      log.push('a fails');
      throw new Error('refused');
    });
    const b = queue.run('case/sha', async () => {
      log.push('b runs');
      return 'b';
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['a starts']);
    first.open();
    await expect(a).rejects.toThrow('refused');
    await expect(b).resolves.toBe('b');
    expect(log).toEqual(['a starts', 'a fails', 'b runs']);
    expect(queue.size).toBe(0);
  });

  it('runs tasks of different keys side by side', async () => {
    const queue = new OneAtATime();
    const held = gate();
    const log: string[] = [];
    const a = queue.run('case/one', async () => {
      await held.opened;
      log.push('one');
    });
    await queue.run('case/two', async () => void log.push('two'));
    expect(log).toEqual(['two']);
    held.open();
    await a;
    expect(log).toEqual(['two', 'one']);
    expect(queue.size).toBe(0);
  });
});
