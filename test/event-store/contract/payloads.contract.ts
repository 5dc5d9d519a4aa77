import {
  aMetadata,
  aStreamId,
  anEvent,
  appendAndReadBack,
  asAppended,
  expectPositionsAfter,
  positionsOf,
  type ContractContext,
} from './contract-helpers';

const LARGE_STREAM = 10_000;
const BATCH = 500;
/** Not a divisor of LARGE_STREAM, so the last page of the global log is a partial one. */
const PAGE = 1500;

/** Text the store must not normalise, escape or truncate. */
const UNICODE = {
  indonesian: 'Selamat datang di kafé; naïve résumé, Çağ — “kutipan” dan ‘tanda’ ½ ±',
  decomposed: 'cafe\u0301 vs caf\u00e9',
  emoji: '👍🏽 🇮🇩 👩‍👩‍👧‍👦 🧪',
  arabic: 'مرحبا بالعالم',
  hebrew: 'שלום עולם',
  mixedDirection: 'abc مرحبا 123 שלום',
  escapes: 'quote " backslash \\ slash / newline \n tab \t bell \u0007 del \u007f',
  cjk: '漢字かなカナ한국어',
};

export function describePayloads({ store, positions }: ContractContext): void {
  describe('payloads', () => {
    it('round-trips unicode text, in values and keys, exactly', async () => {
      const event = anEvent({
        ...UNICODE,
        list: Object.values(UNICODE),
        'kunci-ключ-مفتاح-🔑': { nested: [UNICODE.emoji, { deeper: UNICODE.arabic }] },
      });
      event.metadata = aMetadata({ userId: 'pengguna-ü-🙂', unit: 'unité-שלום' });

      const [stored] = await appendAndReadBack(store(), event);

      expect(asAppended(stored)).toEqual(event);
      expect(stored.data.decomposed).not.toBe(String(stored.data.decomposed).normalize('NFC'));
    });

    it('round-trips numbers, booleans, nulls and empty containers exactly', async () => {
      const event = anEvent({
        integers: [0, -1, 42, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER],
        fractions: [0.1, -2.5e-7, 1.7976931348623157e308, 5e-324, 1e21],
        flags: [true, false],
        nothing: null,
        empty: { object: {}, array: [], text: '' },
      });

      const [stored] = await appendAndReadBack(store(), event);

      expect(asAppended(stored)).toEqual(event);
    });

    it('round-trips a 1 MB payload exactly', async () => {
      const chunk = 'abcdefghij-é-🙂-';
      const large = chunk.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(chunk)));
      const event = anEvent({ large });

      const [stored] = await appendAndReadBack(store(), event);

      expect(Buffer.byteLength(String(stored.data.large))).toBeGreaterThanOrEqual(1024 * 1024);
      expect(stored.data.large === large).toBe(true);
      expect(asAppended(stored)).toEqual(event);
    });

    it(`reads back a stream of ${LARGE_STREAM} events appended in batches of ${BATCH}, from the stream and from the global log`, async () => {
      const streamId = aStreamId();
      const head = await store().headPosition();
      const events = Array.from({ length: LARGE_STREAM }, (_, index) => anEvent({ index }, 'Counted'));
      for (let start = 0; start < LARGE_STREAM; start += BATCH) {
        const result = await store().append(streamId, events.slice(start, start + BATCH), start === 0 ? 'no_stream' : start);
        expect(result.nextVersion).toBe(start + BATCH);
      }

      const stored = await store().readStream(streamId);

      expect(stored).toHaveLength(LARGE_STREAM);
      expect(stored.map((event) => event.id)).toEqual(events.map((event) => event.id));
      expect(stored.every((event, index) => event.version === index + 1 && event.data.index === index)).toBe(true);
      expectPositionsAfter(head, positionsOf(stored), positions());
      expect(await store().headPosition()).toBe(stored[LARGE_STREAM - 1].position);
      if (positions() === 'dense') expect(stored[LARGE_STREAM - 1].position).toBe(head + BigInt(LARGE_STREAM));
      const log = [];
      for (let page = await store().readAll(head, PAGE); page.length > 0; page = await store().readAll(page[page.length - 1].position, PAGE)) {
        log.push(...page);
      }
      expect(log.map((event) => event.id)).toEqual(events.map((event) => event.id));
      expect(positionsOf(log)).toEqual(positionsOf(stored));
    });
  });
}
