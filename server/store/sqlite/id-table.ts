/**
 * A map from CaseGraph ids to positive whole numbers, for the bulk load's memory of what it has written
 * (half a million links, a hundred thousand entities in the bench scenario, each looked up once per
 * statement of it).
 *
 * An id is its kind, a colon and 24 hex digits (domain/ids.ts), so its 96 bits are read from the text
 * and kept, with a hash of the kind, in typed arrays probed in place: a slot of eight bytes holds the
 * first 32 bits, so that an id not kept is known from its slots alone. A JavaScript Map of
 * the same ids hashed each received string afresh and walked a bucket, an entry and the stored key
 * string, three places in a large heap: on the writing thread of the bench load that was 0.95 s of
 * perf samples, as much as SQLite's own statement engine, because on the virtual machine measured a
 * random read in a large heap costs a miss in the address translation too. Reading the digits costs
 * about as much as hashing the string did; the table is then one place to look.
 *
 * Two ids are the same entry when their digits and the hash of their kinds agree. Distinct ids whose
 * 96 bits agree would already be one entity to the store (ids are the identity), so the table is as
 * exact as the ids are. Any other text (none reaches the load today) is kept in a Map beside it.
 */

const EMPTY = 0;
const DIGITS = 24;
/** An entry: the id's last 64 bits, the kind's hash, the value; its first 32 bits are in its slot. */
const ENTRY = 4;

const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) NIBBLE['0123456789abcdef'.charCodeAt(i)] = i;
const nibble = (code: number): number => (code < 128 ? NIBBLE[code]! : -1);

export class IdTable {
  /**
   * Two numbers a slot: the id's first 32 bits and its entry's place plus one (0: free). An id not
   * kept is known from its slots alone, eight bytes each; only a match reads the entry.
   */
  private slots: Int32Array;
  private mask: number;
  private entries: Int32Array;
  private count = 0;
  private readonly others = new Map<string, number>();
  // The key read by the last lookup, so that set() after a missed get() reads no digit again.
  private a = 0;
  private b = 0;
  private c = 0;
  private kind = 0;
  private lastId: string | undefined;
  private lastSlot = -1;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2);
    this.mask = capacity - 1;
    this.entries = new Int32Array((capacity / 2) * ENTRY);
  }

  get size(): number {
    return this.count + this.others.size;
  }

  /** The value kept for `id`, or 0. */
  get(id: string): number {
    const slot = this.find(id);
    if (slot < 0) return this.others.get(id) ?? EMPTY;
    const entry = this.slots[slot * 2 + 1]!;
    return entry === EMPTY ? EMPTY : this.entries[(entry - 1) * ENTRY + 3]!;
  }

  has(id: string): boolean {
    return this.get(id) !== EMPTY;
  }

  /** Keeps `value` (a whole number from 1 to 2^31 - 1) for `id`. */
  set(id: string, value: number): void {
    if (!Number.isInteger(value) || value < 1 || value > 0x7fffffff)
      throw new RangeError(`an id table keeps whole numbers from 1 to 2^31 - 1, not ${value}`);
    const slot = id === this.lastId ? this.lastSlot : this.find(id);
    if (slot < 0) {
      this.others.set(id, value);
      return;
    }
    const entry = this.slots[slot * 2 + 1]!;
    if (entry !== EMPTY) {
      this.entries[(entry - 1) * ENTRY + 3] = value;
      return;
    }
    if ((this.count + 1) * 2 > this.mask + 1) {
      this.grow();
      this.set(id, value);
      return;
    }
    const at = this.count * ENTRY;
    if (at === this.entries.length) {
      const more = new Int32Array(this.entries.length * 2);
      more.set(this.entries);
      this.entries = more;
    }
    const e = this.entries;
    e[at] = this.b;
    e[at + 1] = this.c;
    e[at + 2] = this.kind;
    e[at + 3] = value;
    this.slots[slot * 2] = this.a;
    this.slots[slot * 2 + 1] = ++this.count;
    this.lastId = undefined;
  }

  /** Forgets every id and lets go of the table's memory. */
  clear(): void {
    this.slots = new Int32Array(32);
    this.mask = 15;
    this.entries = new Int32Array(16 * ENTRY);
    this.count = 0;
    this.others.clear();
    this.lastId = undefined;
  }

  /**
   * The slot that holds `id` or would: -1 when `id` is not a kind and 24 lower-case hex digits. Leaves
   * the key read in a, b, c and kind.
   */
  private find(id: string): number {
    const colon = id.length - DIGITS - 1;
    if (colon < 1 || id.charCodeAt(colon) !== 58) return -1;
    let kind = 0;
    for (let i = 0; i < colon; i++) kind = (Math.imul(kind, 31) + id.charCodeAt(i)) | 0;
    // Three loops written out: a helper per eight digits, with its early return, made the lookups of
    // half a million link ids 10-60% slower.
    let a = 0;
    let b = 0;
    let c = 0;
    let bad = 0;
    for (let i = colon + 1; i < colon + 9; i++) {
      const n = nibble(id.charCodeAt(i));
      a = (a << 4) | n;
      bad |= n;
    }
    for (let i = colon + 9; i < colon + 17; i++) {
      const n = nibble(id.charCodeAt(i));
      b = (b << 4) | n;
      bad |= n;
    }
    for (let i = colon + 17; i <= colon + DIGITS; i++) {
      const n = nibble(id.charCodeAt(i));
      c = (c << 4) | n;
      bad |= n;
    }
    if (bad < 0) return -1;
    this.a = a;
    this.b = b;
    this.c = c;
    this.kind = kind;
    this.lastId = id;
    // The digits are a hash already: any 32 of them spread the slots.
    const s = this.slots;
    const e = this.entries;
    const mask = this.mask;
    let slot = (a ^ kind) & mask;
    for (;;) {
      const entry = s[slot * 2 + 1]!;
      if (entry === EMPTY) break;
      if (s[slot * 2] === a) {
        const at = (entry - 1) * ENTRY;
        if (e[at] === b && e[at + 1] === c && e[at + 2] === kind) break;
      }
      slot = (slot + 1) & mask;
    }
    this.lastSlot = slot;
    return slot;
  }

  private grow(): void {
    const capacity = (this.mask + 1) * 2;
    const s = new Int32Array(capacity * 2);
    const mask = capacity - 1;
    const e = this.entries;
    const old = this.slots;
    for (let i = 0; i < old.length; i += 2) {
      const entry = old[i + 1]!;
      if (entry === EMPTY) continue;
      let slot = (old[i]! ^ e[(entry - 1) * ENTRY + 2]!) & mask;
      while (s[slot * 2 + 1] !== EMPTY) slot = (slot + 1) & mask;
      s[slot * 2] = old[i]!;
      s[slot * 2 + 1] = entry;
    }
    this.slots = s;
    this.mask = mask;
    this.lastId = undefined;
  }
}
