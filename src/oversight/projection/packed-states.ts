import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The folded states a bulk load keeps between pages (copy-load.ts), off the JS heap: each as its
 * JSON in a Buffer of its own, plain while the plain ones take less than `plainBudget` bytes, deflated
 * after that. Deflating costs about four times what the plain copy does (level 1: 1.27 s against
 * 0.36 s to pack 20,000 states, 0.60 s against 0.17 s to unpack, on a loaded machine) and saves about
 * 60 % (0.8 KB against 1.9 KB a case), so the first cases of a log stay plain and the memory stays
 * bounded by the budget plus ~0.8 KB per further case.
 */
export class PackedStates<T> {
  private readonly packed = new Map<string, Buffer>();
  private plainBytes = 0;

  constructor(private readonly plainBudget: number) {}

  get size(): number {
    return this.packed.size;
  }

  /** Bytes held by the plain ones (the budget's use). */
  get plain(): number {
    return this.plainBytes;
  }

  get(id: string): T | undefined {
    const packed = this.packed.get(id);
    return packed === undefined ? undefined : unpack<T>(packed);
  }

  set(id: string, value: T): void {
    this.delete(id);
    const json = JSON.stringify(value);
    // UTF-16 units are never more than the UTF-8 bytes: a text longer than the room left cannot fit.
    const room = this.plainBudget - this.plainBytes;
    const plain = json.length <= room ? Buffer.from(json) : null;
    if (plain !== null && plain.length <= room) {
      this.plainBytes += plain.length;
      this.packed.set(id, plain);
    } else {
      // Copied out behind a tag byte: the buffer zlib returns is a view of its 16 KiB output chunk, which it would keep alive.
      this.packed.set(id, Buffer.concat([DEFLATED, deflateRawSync(json, { level: 1 })]));
    }
  }

  delete(id: string): void {
    const packed = this.packed.get(id);
    if (packed === undefined) return;
    if (packed[0] !== DEFLATED[0]) this.plainBytes -= packed.length;
    this.packed.delete(id);
  }

  *values(): IterableIterator<T> {
    for (const packed of this.packed.values()) yield unpack<T>(packed);
  }
}

/** JSON text of an object starts with `{`, never with this byte. */
const DEFLATED = Buffer.of(0);

function unpack<T>(packed: Buffer): T {
  return JSON.parse((packed[0] === DEFLATED[0] ? inflateRawSync(packed.subarray(1)) : packed).toString()) as T;
}
