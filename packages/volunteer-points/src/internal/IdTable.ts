// A set of positions in the ledger's log, looked up by the event id at that position: open
// addressing with linear probing, keyed by a hash of the id string computed once per lookup.
// The ids themselves stay in the log's id column; the table holds integers. It replaces a
// `Map` on the replay path, where a `Map` of 100,000+ string keys cost a third of the time in
// rehashing on growth and chasing chains; `reserve` sizes the table once for a whole log.
//
// Each slot has a one-byte tag (0 = empty, else 7 more bits of the id's hash) in one array and
// its position in another. Probes read only the tags, a quarter of the memory a position and
// hash would take, and most lookups during replay are of new ids, which end at an empty tag
// without touching the positions at all. The table being read at random, its size in bytes
// is what costs (cache misses), not the number of probes.
//
// Only the most recently added position may be deleted (the ledger deletes only when it rolls
// back, which is last-in first-out). That keeps linear probing correct without tombstones: no
// key inserted earlier can have probed past a slot that was empty at the time.

const hashId = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  // Finalise so that ids differing only in their last character spread over the table.
  h ^= h >>> 16
  h = Math.imul(h, 0x45d9f3b)
  return h ^ (h >>> 16)
}

// The slot comes from the low bits of the hash, the tag from the top seven.
const tagOf = (h: number): number => (h >>> 25) | 0x80

export class IdTable {
  private tags = new Uint8Array(64)
  private positions = new Int32Array(64)
  private mask = 63
  private count = 0
  private readonly ids: ReadonlyArray<string>
  // Where the last unsuccessful `get` stopped, so the `add` that usually follows it neither
  // rehashes the id nor probes again. Any change to the table forgets it.
  private missKey: string | undefined = undefined
  private missTag = 0
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
    const tag = tagOf(h)
    const tags = this.tags
    const mask = this.mask
    let i = h & mask
    for (;;) {
      const t = tags[i]!
      if (t === 0) {
        this.missKey = id
        this.missTag = tag
        this.missSlot = i
        return -1
      }
      if (t === tag) {
        const p = this.positions[i]!
        if (this.ids[p] === id) return p
      }
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
    let tag: number
    let i: number
    if (this.missKey === id) {
      tag = this.missTag
      i = this.missSlot
    } else {
      const h = hashId(id)
      tag = tagOf(h)
      i = this.freeSlot(h)
    }
    this.missKey = undefined
    this.tags[i] = tag
    this.positions[i] = p
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
    while (this.tags[i] === 0 || this.positions[i] !== p) i = (i + 1) & mask
    this.tags[i] = 0
    this.count--
  }

  private freeSlot(h: number): number {
    const mask = this.mask
    let i = h & mask
    while (this.tags[i] !== 0) i = (i + 1) & mask
    return i
  }

  private rehash(min: number): void {
    this.missKey = undefined
    let cap = this.mask + 1
    while (cap < min) cap *= 2
    const oldTags = this.tags
    const oldPositions = this.positions
    this.tags = new Uint8Array(cap)
    this.positions = new Int32Array(cap)
    this.mask = cap - 1
    for (let j = 0; j < oldTags.length; j++) {
      if (oldTags[j] === 0) continue
      const p = oldPositions[j]!
      const h = hashId(this.ids[p]!)
      const i = this.freeSlot(h)
      this.tags[i] = tagOf(h)
      this.positions[i] = p
    }
  }
}
