import { createHash } from 'node:crypto';

/**
 * A seeded pseudo-random stream (sfc32), so that a bench inventory is the same on every run and
 * every machine: the figures of two runs compare the same data. Never Math.random.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A stream for `seed` and any number of labels (`new Random('L', 'person', 42)`): each label list is its own stream. */
  constructor(...seed: (string | number)[]) {
    const [a, b, c, d] = seedWords(seed.join('\u0000'));
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    for (let i = 0; i < 12; i += 1) this.nextUint32();
  }

  /**
   * The `index`-th stream under this one, cheaply (no hashing): for making millions of items, each
   * from its number alone.
   */
  child(index: number): Random {
    const child = Object.create(Random.prototype) as Random;
    child.a = mix32(this.a ^ index);
    child.b = mix32(this.b + Math.imul(index, 0x9e3779b9));
    child.c = mix32(this.c ^ Math.imul(index, 0x85ebca6b));
    child.d = mix32(this.d + index);
    for (let i = 0; i < 12; i += 1) child.nextUint32();
    return child;
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of the options, each as likely as its weight. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [value, weight] of options) {
      point -= weight;
      if (point < 0) return value;
    }
    return options[options.length - 1][0];
  }

  /** `count` distinct items (all of them when there are fewer), in the order drawn. */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count === 1 && items.length > 0) return [this.pick(items)];
    const pool = [...items];
    const taken: T[] = [];
    while (taken.length < count && pool.length > 0) {
      const index = Math.floor(this.next() * pool.length);
      taken.push(pool[index]);
      pool[index] = pool[pool.length - 1];
      pool.pop();
    }
    return taken;
  }

  /** A calendar date 'YYYY-MM-DD' between two dates, both included. */
  date(from: string, to: string): string {
    const start = Date.parse(`${from}T00:00:00Z`);
    const end = Date.parse(`${to}T00:00:00Z`);
    return new Date(start + this.int(0, Math.round((end - start) / DAY_MS)) * DAY_MS).toISOString().slice(0, 10);
  }

  /** An instant between two instants, as an ISO timestamp to the second. */
  instant(fromMs: number, toMs: number): string {
    return new Date(fromMs + Math.floor(this.next() * (toMs - fromMs) / 1000) * 1000).toISOString();
  }
}

export const DAY_MS = 86_400_000;

/** A 32-bit finaliser (murmur3's), so that nearby indexes give unrelated streams. */
function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

function seedWords(text: string): [number, number, number, number] {
  const digest = createHash('sha256').update(text, 'utf8').digest();
  return [digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), digest.readUInt32LE(12)];
}

const ID_NAMESPACE = 'flowmap-bench-ids';

/** A stable UUID (version 5 layout) for a generated row, from its table and key. */
export function benchUuid(table: string, key: string): string {
  const hash = createHash('sha1').update(ID_NAMESPACE).update('\u0000').update(table).update('\u0000').update(key).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
