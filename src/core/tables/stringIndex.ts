/**
 * A map from strings to non-negative integers for a million keys: open addressing over one
 * Int32Array of (hash, entry) pairs, so a probe touches one cache line and a key's text only when
 * its hash matches; no object per entry. Faster than a `Map` when every key is a fresh string (as
 * each row's cells are) and the map is large, and a third of its memory.
 */

/** FNV-1a over the length, and the first and last 8 UTF-16 code units (every unit of a short key). */
export function hashText(s: string): number {
  const n = s.length;
  let h = Math.imul(n, 0x9e3779b1) ^ 0x811c9dc5;
  if (n <= 16) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  } else {
    for (let i = 0; i < 8; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    for (let i = n - 8; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h ^ (h >>> 15);
}

/** Strings -> integers >= 0 (see the module comment). */
export class StringIndex {
  /** Pairs (hash, entry + 1) per slot (entry 0 = empty); 2^k slots, at most half full. */
  private slots: Int32Array = new Int32Array(2 * 256);
  private mask = 255;
  private readonly keyList: string[] = [];
  private valueList: Int32Array = new Int32Array(128);

  /** Entries stored. */
  get size(): number {
    return this.keyList.length;
  }

  /** The value of `key`, or -1. */
  get(key: string): number {
    return this.getHashed(key, hashText(key));
  }

  /** The value of `key` whose {@link hashText} is `hash`, or -1. */
  getHashed(key: string, hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let h = hash & mask;
    for (;;) {
      const e = slots[2 * h + 1];
      if (e === 0) return -1;
      if (slots[2 * h] === hash && this.keyList[e - 1] === key) return this.valueList[e - 1];
      h = (h + 1) & mask;
    }
  }

  /** Stores `value` (>= 0) for `key`, replacing any value it had. */
  set(key: string, value: number): void {
    const hash = hashText(key);
    const slots = this.slots;
    const mask = this.mask;
    let h = hash & mask;
    for (;;) {
      const e = slots[2 * h + 1];
      if (e === 0) break;
      if (slots[2 * h] === hash && this.keyList[e - 1] === key) {
        this.valueList[e - 1] = value;
        return;
      }
      h = (h + 1) & mask;
    }
    this.addHashed(key, hash, value);
  }

  /** Adds a key known to be absent, with its {@link hashText}. */
  addHashed(key: string, hash: number, value: number): void {
    const n = this.keyList.length;
    if (n === this.valueList.length) {
      const values = new Int32Array(n * 2);
      values.set(this.valueList);
      this.valueList = values;
    }
    this.keyList.push(key);
    this.valueList[n] = value;
    const slots = this.slots;
    const mask = this.mask;
    let h = hash & mask;
    while (slots[2 * h + 1] !== 0) h = (h + 1) & mask;
    slots[2 * h] = hash;
    slots[2 * h + 1] = n + 1;
    if (2 * (n + 1) > mask) this.slots = rehash(slots, (this.mask = 2 * mask + 1));
  }
}

/** The slots of a full table, spread over twice as many. */
function rehash(old: Int32Array, mask: number): Int32Array {
  const slots = new Int32Array(2 * (mask + 1));
  for (let s = 0; s < old.length; s += 2) {
    const e = old[s + 1];
    if (e === 0) continue;
    const hash = old[s];
    let h = hash & mask;
    while (slots[2 * h + 1] !== 0) h = (h + 1) & mask;
    slots[2 * h] = hash;
    slots[2 * h + 1] = e;
  }
  return slots;
}

/**
 * The rows of a text column by value, for a unique column: the texts stay in the column (a
 * {@link TextColumn}); the index holds each row's hash and number only, and reads a row's text when a
 * hash matches.
 */
export class RowIndex {
  private slots: Int32Array = new Int32Array(2 * 1024);
  private mask = 1023;
  private count = 0;

  constructor(private readonly textAt: (row: number) => string) {}

  /** The row holding `text` (whose {@link hashText} is `hash`), or -1. */
  find(text: string, hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let h = hash & mask;
    for (;;) {
      const e = slots[2 * h + 1];
      if (e === 0) return -1;
      if (slots[2 * h] === hash && this.textAt(e - 1) === text) return e - 1;
      h = (h + 1) & mask;
    }
  }

  /** Adds a row whose text (hashed `hash`) is not in the index yet. */
  add(row: number, hash: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let h = hash & mask;
    while (slots[2 * h + 1] !== 0) h = (h + 1) & mask;
    slots[2 * h] = hash;
    slots[2 * h + 1] = row + 1;
    this.count++;
    if (2 * this.count > mask) this.slots = rehash(slots, (this.mask = 2 * mask + 1));
  }
}
