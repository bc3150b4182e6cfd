// An insertion-ordered table from transfer id to record: open addressing with linear probing
// over typed arrays, keyed by a hash of the id string computed once per lookup. It replaces a
// `Map` on the replay path, where a `Map` of 100,000+ string keys cost a third of the time in
// rehashing on growth and chasing chains; `reserve` sizes the table once for a whole log.
//
// Deletion is allowed only of the most recently inserted entry (the ledger deletes only when
// it rolls back, which is last-in first-out). That keeps linear probing correct without
// tombstones: no key inserted earlier can have probed past a slot that was empty at the time.

const EMPTY = -1

const hashId = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  // Finalise so that ids differing only in their last character spread over the table.
  h ^= h >>> 16
  h = Math.imul(h, 0x45d9f3b)
  return h ^ (h >>> 16)
}

export class IdTable<V extends { readonly id: string }> {
  private slots = new Int32Array(64).fill(EMPTY)
  private hashes = new Int32Array(64)
  private mask = 63
  private readonly vals: Array<V> = []

  get size(): number {
    return this.vals.length
  }

  /** Makes room for `extra` more entries without regrowing. */
  reserve(extra: number): void {
    const need = (this.vals.length + extra) * 2
    if (need > this.slots.length) this.rehash(need)
  }

  get(id: string): V | undefined {
    const h = hashId(id)
    const slots = this.slots
    const hashes = this.hashes
    const mask = this.mask
    let i = h & mask
    for (;;) {
      const s = slots[i]!
      if (s === EMPTY) return undefined
      if (hashes[i] === h) {
        const v = this.vals[s]!
        if (v.id === id) return v
      }
      i = (i + 1) & mask
    }
  }

  has(id: string): boolean {
    return this.get(id) !== undefined
  }

  /** Inserts a record whose id is not in the table (the caller has checked). */
  add(v: V): void {
    if ((this.vals.length + 1) * 2 > this.slots.length) this.rehash((this.vals.length + 1) * 2)
    const h = hashId(v.id)
    const slots = this.slots
    const mask = this.mask
    let i = h & mask
    while (slots[i] !== EMPTY) i = (i + 1) & mask
    slots[i] = this.vals.length
    this.hashes[i] = h
    this.vals.push(v)
  }

  /**
   * Removes a record. The ledger removes only the newest (rollback is last-in first-out),
   * which is cheap; any other removal rebuilds the table.
   */
  delete(id: string): boolean {
    const n = this.vals.length
    if (n > 0 && this.vals[n - 1]!.id === id) {
      const mask = this.mask
      let i = hashId(id) & mask
      while (this.slots[i] !== n - 1) i = (i + 1) & mask
      this.slots[i] = EMPTY
      this.vals.pop()
      return true
    }
    const at = this.vals.findIndex((v) => v.id === id)
    if (at < 0) return false
    const rest = this.vals.splice(at)
    this.slots.fill(EMPTY)
    const kept = this.vals.splice(0)
    for (const v of kept) this.add(v)
    for (const v of rest.slice(1)) this.add(v)
    return true
  }

  values(): IterableIterator<V> {
    return this.vals.values()
  }

  *[Symbol.iterator](): IterableIterator<[string, V]> {
    for (const v of this.vals) yield [v.id, v]
  }

  private rehash(min: number): void {
    let cap = this.slots.length
    while (cap < min) cap *= 2
    const slots = new Int32Array(cap).fill(EMPTY)
    const hashes = new Int32Array(cap)
    const mask = cap - 1
    const old = this.slots
    const oldHashes = this.hashes
    for (let j = 0; j < old.length; j++) {
      const s = old[j]!
      if (s === EMPTY) continue
      const h = oldHashes[j]!
      let i = h & mask
      while (slots[i] !== EMPTY) i = (i + 1) & mask
      slots[i] = s
      hashes[i] = h
    }
    this.slots = slots
    this.hashes = hashes
    this.mask = mask
  }
}
