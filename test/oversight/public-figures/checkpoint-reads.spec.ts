import { CheckpointReads } from '../../../src/oversight/public-figures/checkpoint-reads';

/** A read model whose checkpoint reads the test answers by hand, in order. */
function manualReads() {
  const pending: Array<(position: bigint) => void> = [];
  const reads = new CheckpointReads(() => new Promise<bigint>((resolve) => pending.push(resolve)));
  return { reads, pending };
}

describe('checkpoint reads shared by the requests waiting for them', () => {
  it('requests arriving together share one read', async () => {
    const { reads, pending } = manualReads();
    const answers = Promise.all([reads.position(), reads.position(), reads.position()]);
    await Promise.resolve();
    // The first starts a read; the two arriving while it runs wait for the next one, together.
    expect(pending).toHaveLength(1);
    pending[0](7n);
    await new Promise((r) => setImmediate(r));
    expect(pending).toHaveLength(2);
    pending[1](8n);
    expect(await answers).toEqual([7n, 8n, 8n]);
  });

  it('a request arriving while a read is in flight is never answered by it: the position may have moved since it began', async () => {
    const { reads, pending } = manualReads();
    const early = reads.position();
    // The projection commits position 9 now; the read in flight began before and answers 8.
    const late = reads.position();
    pending[0](8n);
    expect(await early).toBe(8n);
    await new Promise((r) => setImmediate(r));
    pending[1](9n);
    expect(await late).toBe(9n);
  });

  it('a failed read fails only the requests that were waiting for it', async () => {
    const failing = [new Error('the read model does not answer')];
    const reads = new CheckpointReads(async () => {
      const error = failing.shift();
      if (error) throw error;
      return 3n;
    });
    await expect(reads.position()).rejects.toThrow('does not answer');
    expect(await reads.position()).toBe(3n);
  });
});
