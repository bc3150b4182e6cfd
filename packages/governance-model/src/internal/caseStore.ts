// Struct-of-arrays storage of replayed cases. Replaying a million events must not allocate a
// record (and a counts array) per case: every field lives in one typed array indexed by the
// case's ordinal, and the public `CaseState` objects are only built when someone reads them.

const grow32 = (a: Int32Array, n: number): Int32Array => {
  const b = new Int32Array(n)
  b.set(a)
  return b
}

export class CaseStore {
  /** Number of events per case in `counts` (the template's distinct events). */
  readonly width: number
  n = 0
  cap: number
  readonly ids: Array<string> = []
  readonly index = new Map<string, number>()
  state: Int32Array
  level: Int32Array
  events: Int32Array
  extension: Int32Array
  broken: Uint8Array
  /** Seconds (local civil time) of the latest event, for the "time runs forward" check. */
  updated: Float64Array
  readonly openedAt: Array<string> = []
  readonly updatedAt: Array<string> = []
  readonly sinceAt: Array<string> = []
  counts: Int32Array
  /** Actors of tracked events, by case ordinal then event index (sparse: few templates track any). */
  readonly actors = new Map<number, Map<number, Array<string>>>()

  constructor(width: number, capacity = 64) {
    this.width = width
    this.cap = Math.max(1, capacity)
    this.state = new Int32Array(this.cap)
    this.level = new Int32Array(this.cap)
    this.events = new Int32Array(this.cap)
    this.extension = new Int32Array(this.cap)
    this.broken = new Uint8Array(this.cap)
    this.updated = new Float64Array(this.cap)
    this.counts = new Int32Array(this.cap * width)
  }

  private grow(): void {
    const cap = this.cap * 2
    this.state = grow32(this.state, cap)
    this.level = grow32(this.level, cap)
    this.events = grow32(this.events, cap)
    this.extension = grow32(this.extension, cap)
    this.counts = grow32(this.counts, cap * this.width)
    const broken = new Uint8Array(cap)
    broken.set(this.broken)
    this.broken = broken
    const updated = new Float64Array(cap)
    updated.set(this.updated)
    this.updated = updated
    this.cap = cap
  }

  /** A new case in `state` at `level`, opened at `atText` (`at` in seconds). */
  add(caseId: string, state: number, level: number, at: number, atText: string): number {
    if (this.n === this.cap) this.grow()
    const ix = this.n++
    this.ids.push(caseId)
    this.index.set(caseId, ix)
    this.state[ix] = state
    this.level[ix] = level
    this.updated[ix] = at
    this.openedAt.push(atText)
    this.updatedAt.push(atText)
    this.sinceAt.push(atText)
    return ix
  }
}

/**
 * A read-only map of case states over a {@link CaseStore} that builds each `CaseState` the first
 * time it is read. It is a real `Map` (so `instanceof Map` and structural equality work); any
 * attempt to mutate it first copies every entry into the underlying map.
 */
export class LazyCaseMap<V> extends Map<string, V> {
  readonly #store: CaseStore
  readonly #build: (ix: number) => V
  readonly #cache: Array<V | undefined> = []
  #real = false

  constructor(store: CaseStore, build: (ix: number) => V) {
    super()
    this.#store = store
    this.#build = build
  }

  #at(ix: number): V {
    let v = this.#cache[ix]
    if (v === undefined) {
      v = this.#build(ix)
      this.#cache[ix] = v
    }
    return v
  }

  #materialise(): void {
    if (this.#real) return
    for (let i = 0; i < this.#store.n; i++) super.set(this.#store.ids[i] as string, this.#at(i))
    this.#real = true
  }

  override get size(): number {
    return this.#real ? super.size : this.#store.n
  }
  override get(key: string): V | undefined {
    if (this.#real) return super.get(key)
    const ix = this.#store.index.get(key)
    return ix === undefined ? undefined : this.#at(ix)
  }
  override has(key: string): boolean {
    return this.#real ? super.has(key) : this.#store.index.has(key)
  }
  override *entries(): MapIterator<[string, V]> {
    if (this.#real) return yield* super.entries()
    for (let i = 0; i < this.#store.n; i++) yield [this.#store.ids[i] as string, this.#at(i)]
  }
  override *keys(): MapIterator<string> {
    if (this.#real) return yield* super.keys()
    for (let i = 0; i < this.#store.n; i++) yield this.#store.ids[i] as string
  }
  override *values(): MapIterator<V> {
    if (this.#real) return yield* super.values()
    for (let i = 0; i < this.#store.n; i++) yield this.#at(i)
  }
  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries()
  }
  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this)
  }
  override set(key: string, value: V): this {
    this.#materialise()
    return super.set(key, value)
  }
  override delete(key: string): boolean {
    this.#materialise()
    return super.delete(key)
  }
  override clear(): void {
    this.#materialise()
    super.clear()
  }
}
