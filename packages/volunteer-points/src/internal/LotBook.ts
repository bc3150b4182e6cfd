// Lots (批次): every credit to a holder is a lot with its issue time, expiry and source; every
// debit consumes lots in the scheme's order (FIFO by issue time, or FEFO by expiry), as
// Beancount's booking methods and Odoo's loyalty history do. The book only plans and records;
// the ledger transfer that moves the units is what makes a change real, so callers apply a
// plan only after the ledger accepted the transfer.

/** A lot as the book keeps it; `remaining` is the only field that changes. */
export interface Lot {
  readonly id: string
  readonly holder: string
  readonly issuedAt: number
  /** Undefined: never expires. */
  readonly expiresAt: number | undefined
  readonly amount: number
  remaining: number
  /** How the lot came to be: earned by a record, issued, received as a gift or across regions. */
  readonly source: "record" | "issue" | "gift"
  /** The record, operation or giver's lot this lot comes from. */
  readonly ref: string
  readonly seq: number
}

/** A planned consumption: `amount` taken from lot `lot`. */
export interface Take {
  readonly lot: Lot
  readonly amount: number
}

const INF = Number.POSITIVE_INFINITY

export class LotBook {
  readonly order: "fifo" | "fefo"
  private readonly byHolder = new Map<string, Array<Lot>>()
  // Index of the first lot that may still hold something, per holder.
  private readonly head = new Map<string, number>()
  // Lots that can expire, sorted by (expiresAt, seq); `expHead` skips those already handled.
  private readonly expiring: Array<Lot> = []
  private expHead = 0
  readonly all = new Map<string, Lot>()
  private seq = 0

  constructor(order: "fifo" | "fefo") {
    this.order = order
  }

  private key(l: Lot): [number, number, number] {
    return this.order === "fifo" ? [l.issuedAt, l.seq, 0] : [l.expiresAt ?? INF, l.issuedAt, l.seq]
  }

  private before(a: Lot, b: Lot): boolean {
    const x = this.key(a)
    const y = this.key(b)
    for (let i = 0; i < 3; i++) if (x[i]! !== y[i]!) return x[i]! < y[i]!
    return false
  }

  lotsOf(holder: string): ReadonlyArray<Lot> {
    return this.byHolder.get(holder) ?? []
  }

  /** Σ remaining over a holder's lots. */
  sum(holder: string): number {
    let s = 0
    for (const l of this.lotsOf(holder)) s += l.remaining
    return s
  }

  add(
    id: string,
    holder: string,
    issuedAt: number,
    expiresAt: number | undefined,
    amount: number,
    source: Lot["source"],
    ref: string
  ): Lot {
    const lot: Lot = { id, holder, issuedAt, expiresAt, amount, remaining: amount, source, ref, seq: this.seq++ }
    this.all.set(id, lot)
    let list = this.byHolder.get(holder)
    if (list === undefined) {
      list = []
      this.byHolder.set(holder, list)
    }
    let pos = list.length
    while (pos > 0 && this.before(lot, list[pos - 1]!)) pos--
    list.splice(pos, 0, lot)
    const h = this.head.get(holder) ?? 0
    if (pos < h) this.head.set(holder, pos)
    if (expiresAt !== undefined) {
      let p = this.expiring.length
      while (p > this.expHead && lessExp(lot, this.expiring[p - 1]!)) p--
      this.expiring.splice(p, 0, lot)
    }
    return lot
  }

  /** Plans taking `amount` from a holder's lots in scheme order; undefined if they hold less. */
  plan(holder: string, amount: number): Array<Take> | undefined {
    const list = this.byHolder.get(holder)
    if (list === undefined) return amount === 0 ? [] : undefined
    const out: Array<Take> = []
    let need = amount
    let h = this.head.get(holder) ?? 0
    while (h < list.length && list[h]!.remaining === 0) h++
    this.head.set(holder, h)
    for (let i = h; i < list.length && need > 0; i++) {
      const l = list[i]!
      if (l.remaining === 0) continue
      const take = Math.min(need, l.remaining)
      out.push({ lot: l, amount: take })
      need -= take
    }
    return need === 0 ? out : undefined
  }

  /** Plans taking what is left of one specific lot's `amount` (a reversal of the credit that made it). */
  planLot(lotId: string, amount: number): Array<Take> | undefined {
    const l = this.all.get(lotId)
    return l === undefined || l.remaining < amount ? undefined : [{ lot: l, amount }]
  }

  apply(takes: ReadonlyArray<Take>): void {
    for (const t of takes) t.lot.remaining -= t.amount
  }

  /** Lots whose expiry is at or before `at` and that still hold something, in expiry order. */
  due(at: number): Array<Lot> {
    const out: Array<Lot> = []
    let i = this.expHead
    while (i < this.expiring.length && this.expiring[i]!.expiresAt! <= at) {
      const l = this.expiring[i]!
      if (l.remaining > 0) out.push(l)
      i++
    }
    return out
  }

  /** Marks everything due at `at` as handled (after the expiry transfers were committed). */
  advance(at: number): void {
    while (this.expHead < this.expiring.length && this.expiring[this.expHead]!.expiresAt! <= at) this.expHead++
  }
}

const lessExp = (a: Lot, b: Lot): boolean =>
  a.expiresAt! < b.expiresAt! || (a.expiresAt === b.expiresAt && a.seq < b.seq)
