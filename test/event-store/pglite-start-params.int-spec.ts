import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDED_SHARED_BUFFERS, openEmbedded } from '../../src/event-store/pglite/open-pglite';

describe('the embedded store on disk', () => {
  it('starts with fsync on and the smaller shared buffers that keep a restart quick', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netra-start-params-'));
    try {
      const { pglite } = await openEmbedded(join(dir, 'db'), { sync: true });
      try {
        const setting = async (name: string) => (await pglite.query<{ value: string }>(`SELECT current_setting('${name}') AS value`)).rows[0].value;
        expect(await setting('fsync')).toBe('on');
        expect(await setting('shared_buffers')).toBe(EMBEDDED_SHARED_BUFFERS);
      } finally {
        await pglite.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
