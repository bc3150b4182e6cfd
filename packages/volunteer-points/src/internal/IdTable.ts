// A set of positions in the ledger's log, looked up by the event id at that position: open
// addressing with linear probing over a typed array, keyed by a hash of the id string computed
// once per lookup. The ids themselves stay in the log's id column; the table holds integers. It replaces a
// `Map` on the replay path, where a `Map` of 100,000+ string keys cost a third of the time in
// rehashing on growth and chasing chains; `reserve` sizes the table once for a whole log.
//
// Only the most recently added position may be deleted (the ledger deletes only when it rolls
// back, which is last-in first-out). That keeps linear probing correct without tombstones: no
// key inserted earlier can have probed past a slot that was empty at the time.

const EMPTY = -1

const hashId = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  // Finalise so that ids differing only in their last character spread over the table.
  h ^= h >>> 16
  h = Math.imul(h, 0x45d9f3b)
  return h ^ (h >>> 16)
}

export class IdTable {
  // Slot k holds a position at 2k (or EMPTY) and the hash of its id at 2k + 1, so a probe reads
  // one cache line, not two.
  private table = new Int32Array(128).fill(EMPTY)
  private mask = 63
  private count = 0
  private readonly ids: ReadonlyArray<string>
  // Where the last unsuccessful `get` stopped, so the `add` that usually follows it neither
  // rehashes the id nor probes again. Any change to the table forgets it.
  private missKey: string | undefined = undefined
  private missHash = 0
  private missSlot = 0

  /** `ids[p]` is the id of position `p`; the array may grow, but an added position's id must not change. */
  constructor(ids: ReadonlyArray<string>) {
    this.ids = ids
  }

  get size(): number {
    return this.count
  }

  /** Makes room for `extra` more entries without regrowing. */
  reserve(extra: number): void {
    const need = (this.count + extra) * 2
    if (need > this.mask + 1) this.rehash(need)
  }

  /** The position whose id is `id`, or -1. */
  get(id: string): number {
    const h = hashId(id)
    const table = this.table
    const mask = this.mask
    let i = h & mask
    for (;;) {
      const p = table[i << 1]!
      if (p === EMPTY) {
        this.missKey = id
        this.missHash = h
        this.missSlot = i
        return -1
      }
      if (table[(i << 1) | 1] === h && this.ids[p] === id) return p
      i = (i + 1) & mask
    }
  }

  has(id: string): boolean {
    return this.get(id) >= 0
  }

  /** Adds position `p`, whose id is not in the table (the caller has checked). */
  add(p: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.rehash((this.count + 1) * 2)
    const id = this.ids[p]!
    const table = this.table
    let h: number
    let i: number
    if (this.missKey === id) {
      h = this.missHash
      i = this.missSlot
    } else {
      h = hashId(id)
      const mask = this.mask
      i = h & mask
      while (table[i << 1] !== EMPTY) i = (i + 1) & mask
    }
    this.missKey = undefined
    table[i << 1] = p
    table[(i << 1) | 1] = h
    this.count++
  }

  /**
   * Removes position `p`. Only the most recently added position may be removed (the ledger
   * removes only when it rolls back, last-in first-out).
   */
  delete(p: number): void {
    this.missKey = undefined
    const mask = this.mask
    let i = hashId(this.ids[p]!) & mask
    while (this.table[i << 1] !== p) i = (i + 1) & mask
    this.table[i << 1] = EMPTY
    this.count--
  }

  private rehash(min: number): void {
    this.missKey = undefined
    let cap = this.mask + 1
    while (cap < min) cap *= 2
    const table = new Int32Array(cap * 2).fill(EMPTY)
    const mask = cap - 1
    const old = this.table
    for (let j = 0; j < old.length; j += 2) {
      const p = old[j]!
      if (p === EMPTY) continue
      const h = old[j + 1]!
      let i = h & mask
      while (table[i << 1] !== EMPTY) i = (i + 1) & mask
      table[i << 1] = p
      table[(i << 1) | 1] = h
    }
    this.table = table
    this.mask = mask
  }
}
