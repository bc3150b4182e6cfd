// Exact partition of a tree into connected parts whose weights lie in [min, max]: a bottom-up
// dynamic programme over bitsets of reachable "open part" weights (the weight of the part that
// still contains the subtree's root), then a top-down reconstruction. For a given spanning tree
// it finds a partition whenever one exists that is connected in that tree.

export interface TreeInput {
  /** Number of nodes. */
  readonly n: number
  readonly weight: Int32Array
  /** Parent of each node (-1 for the root), and nodes in BFS order (root first). */
  readonly parent: Int32Array
  readonly order: Int32Array
  readonly min: number
  readonly max: number
  /** Optional: prefer cutting the edge node→parent (1), merging (0), or no preference (-1). */
  readonly preferCut?: Int8Array
}

/** Part id per node (0-based, in reconstruction order), or `undefined` if no partition exists. */
export const partitionTree = (t: TreeInput): Int32Array | undefined => {
  const { n, weight, parent, order, min, max } = t
  const W = (max >> 5) + 1
  const lastMask = (max & 31) === 31 ? 0xffffffff : (1 << ((max & 31) + 1)) - 1
  const R = new Uint32Array(n * W) // reachable open weights per node
  const before = new Uint32Array(n * W) // S before merging child c, stored at c
  const cutOk = new Uint8Array(n)
  // children lists in CSR
  const childCount = new Int32Array(n + 1)
  for (let v = 0; v < n; v++) {
    const p = parent[v] as number
    if (p >= 0) childCount[p + 1] = (childCount[p + 1] as number) + 1
  }
  for (let v = 0; v < n; v++) childCount[v + 1] = (childCount[v + 1] as number) + (childCount[v] as number)
  const children = new Int32Array(Math.max(0, n - 1))
  const fill = childCount.slice(0, n)
  for (let i = 0; i < n; i++) {
    const v = order[i] as number
    const p = parent[v] as number
    if (p >= 0) {
      children[fill[p] as number] = v
      fill[p] = (fill[p] as number) + 1
    }
  }
  const S = new Uint32Array(W)
  const T = new Uint32Array(W)
  const hasInBand = (base: number): boolean => {
    for (let x = min; x <= max; x++) if ((R[base + (x >> 5)] as number) & (1 << (x & 31))) return true
    return false
  }
  // dst |= src << shift, truncated to max
  const shiftOr = (dst: Uint32Array, src: Uint32Array, srcBase: number, shift: number) => {
    const ws = shift >> 5
    const bs = shift & 31
    for (let i = W - 1; i >= ws; i--) {
      const j = i - ws
      let v = (src[srcBase + j] as number) << bs
      if (bs !== 0 && j > 0) v |= (src[srcBase + j - 1] as number) >>> (32 - bs)
      dst[i] = (dst[i] as number) | v
    }
  }
  const popcount = (a: Uint32Array, base: number): number => {
    let c = 0
    for (let i = 0; i < W; i++) {
      let x = a[base + i] as number
      x -= (x >>> 1) & 0x55555555
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
      c += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
    }
    return c
  }

  for (let i = n - 1; i >= 0; i--) {
    const v = order[i] as number
    S.fill(0)
    const w = weight[v] as number
    if (w > max) return undefined
    S[w >> 5] = 1 << (w & 31)
    for (let k = childCount[v] as number; k < (childCount[v + 1] as number); k++) {
      const c = children[k] as number
      const cb = c * W
      before.set(S, cb)
      T.fill(0)
      if (cutOk[c]) T.set(S)
      // S ⊕ R(c): iterate the sparser side's bits.
      const sBits = popcount(S, 0)
      const rBits = popcount(R, cb)
      if (sBits <= rBits) {
        for (let x = 0; x <= max; x++) if ((S[x >> 5] as number) & (1 << (x & 31))) shiftOr(T, R, cb, x)
      } else {
        for (let x = 0; x <= max; x++) if ((R[cb + (x >> 5)] as number) & (1 << (x & 31))) shiftOr(T, S, 0, x)
      }
      T[W - 1] = (T[W - 1] as number) & lastMask
      S.set(T)
    }
    R.set(S, v * W)
    cutOk[v] = hasInBand(v * W) ? 1 : 0
  }
  const root = order[0] as number
  if (!cutOk[root]) return undefined

  const mid = (min + max) >> 1
  const has = (a: Uint32Array, base: number, x: number): boolean =>
    x >= 0 && x <= max && ((a[base + (x >> 5)] as number) & (1 << (x & 31))) !== 0
  const pickInBand = (v: number): number => {
    for (let d = 0; d <= max - min; d++) {
      if (mid + d <= max && has(R, v * W, mid + d)) return mid + d
      if (mid - d >= min && has(R, v * W, mid - d)) return mid - d
    }
    return -1
  }
  const part = new Int32Array(n).fill(-1)
  const target = new Int32Array(n)
  let parts = 0
  target[root] = pickInBand(root)
  part[root] = parts++
  for (let i = 0; i < n; i++) {
    const v = order[i] as number
    let tv = target[v] as number
    for (let k = (childCount[v + 1] as number) - 1; k >= (childCount[v] as number); k--) {
      const c = children[k] as number
      const cb = c * W
      const canCut = cutOk[c] === 1 && has(before, cb, tv)
      const pref = t.preferCut ? (t.preferCut[c] as number) : 1
      let mergeR = -1
      if (!(canCut && pref !== 0)) {
        for (let r = Math.min(tv, max); r >= 0; r--)
          if (has(R, cb, r) && has(before, cb, tv - r)) {
            mergeR = r
            break
          }
      }
      if (mergeR >= 0) {
        target[c] = mergeR
        part[c] = part[v] as number
        tv -= mergeR
      } else if (canCut) {
        target[c] = pickInBand(c)
        part[c] = parts++
      } else return undefined // cannot happen if the DP is right
    }
  }
  return part
}
