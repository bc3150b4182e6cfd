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
  // Slot k holds a value index at 2k (or EMPTY) and that value's hash at 2k + 1, so a probe
  // reads one cache line, not two.
  private table = new Int32Array(128).fill(EMPTY)
  private mask = 63
  private readonly vals: Array<V> = []
  // Where the last unsuccessful `get` stopped, so the `add` that usually follows it neither
  // rehashes the id nor probes again. Any change to the table forgets it.
  private missKey: string | undefined = undefined
  private missHash = 0
  private missSlot = 0

  get size(): number {
    return this.vals.length
  }

  /** Makes room for `extra` more entries without regrowing. */
  reserve(extra: number): void {
    const need = (this.vals.length + extra) * 2
    if (need > this.mask + 1) this.rehash(need)
  }

  get(id: string): V | undefined {
    const h = hashId(id)
    const table = this.table
    const mask = this.mask
    let i = h & mask
    for (;;) {
      const s = table[i << 1]!
      if (s === EMPTY) {
        this.missKey = id
        this.missHash = h
        this.missSlot = i
        return undefined
      }
      if (table[(i << 1) | 1] === h) {
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
    if ((this.vals.length + 1) * 2 > this.mask + 1) this.rehash((this.vals.length + 1) * 2)
    const table = this.table
    let h: number
    let i: number
    if (this.missKey === v.id) {
      h = this.missHash
      i = this.missSlot
    } else {
      h = hashId(v.id)
      const mask = this.mask
      i = h & mask
      while (table[i << 1] !== EMPTY) i = (i + 1) & mask
    }
    this.missKey = undefined
    table[i << 1] = this.vals.length
    table[(i << 1) | 1] = h
    this.vals.push(v)
  }

  /**
   * Removes a record. The ledger removes only the newest (rollback is last-in first-out),
   * which is cheap; any other removal rebuilds the table.
   */
  delete(id: string): boolean {
    this.missKey = undefined
    const n = this.vals.length
    if (n > 0 && this.vals[n - 1]!.id === id) {
      const mask = this.mask
      let i = hashId(id) & mask
      while (this.table[i << 1] !== n - 1) i = (i + 1) & mask
      this.table[i << 1] = EMPTY
      this.vals.pop()
      return true
    }
    const at = this.vals.findIndex((v) => v.id === id)
    if (at < 0) return false
    const rest = this.vals.splice(at)
    this.table.fill(EMPTY)
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
    this.missKey = undefined
    let cap = this.mask + 1
    while (cap < min) cap *= 2
    const table = new Int32Array(cap * 2).fill(EMPTY)
    const mask = cap - 1
    const old = this.table
    for (let j = 0; j < old.length; j += 2) {
      const s = old[j]!
      if (s === EMPTY) continue
      const h = old[j + 1]!
      let i = h & mask
      while (table[i << 1] !== EMPTY) i = (i + 1) & mask
      table[i << 1] = s
      table[(i << 1) | 1] = h
    }
    this.table = table
    this.mask = mask
  }
}
