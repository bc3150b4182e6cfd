import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createLedger, type Ledger, restoreLedger } from "./createLedger.ts"
import { parseAccountFast } from "./internal/fastAccount.ts"
import { parseTransferFast } from "./internal/fastTransfer.ts"
import { AccountInput, TransferInput } from "./LedgerModel.ts"

// Roles of a points scheme: the issuer (community fund) creates points; holders may never go
// negative; redemption, expiry and donation accounts are where points leave circulation.
const HOLDERS = ["h0", "h1", "h2", "h3"]
const ROLES = ["issuer", "redeemed", "expired", "donated"]

const open = (clock?: () => number): Ledger => {
  const l = getOrThrow(createLedger(clock ? { clock } : {}))
  getOrThrow(
    l.createAccounts([
      ...ROLES.map((id) => ({ id, unit: "pts" })),
      ...HOLDERS.map((id) => ({ id, unit: "pts", debitsMustNotExceedCredits: true, maxCreditBalance: 5_000 })),
      { id: "other", unit: "min" }
    ])
  )
  return l
}

type Op =
  | { t: "issue" | "redeem" | "expire" | "donate" | "gift"; from: number; to: number; amount: number; linked: boolean }
  | { t: "hold"; from: number; amount: number; timeout: number }
  | { t: "post" | "void"; target: number; amount: number | undefined }
  | { t: "correct"; target: number; amount: number }
  | { t: "wrongUnit"; amount: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constantFrom("issue", "redeem", "expire", "donate", "gift") as fc.Arbitrary<"issue">,
    from: fc.nat(3),
    to: fc.nat(3),
    amount: fc.integer({ min: 1, max: 400 }),
    linked: fc.boolean()
  }),
  fc.record({
    t: fc.constant("hold" as const),
    from: fc.nat(3),
    amount: fc.integer({ min: 1, max: 400 }),
    timeout: fc.nat(3_000)
  }),
  fc.record({
    t: fc.constantFrom("post", "void") as fc.Arbitrary<"post">,
    target: fc.nat(),
    amount: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined })
  }),
  fc.record({ t: fc.constant("correct" as const), target: fc.nat(), amount: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ t: fc.constant("wrongUnit" as const), amount: fc.integer({ min: 1, max: 10 }) })
)

/** Turns generated ops into transfer batches with unique ids. */
const toBatches = (ops: ReadonlyArray<Op>, batchSize: number): Array<Array<TransferInput>> => {
  const holds: Array<string> = []
  const moves: Array<TransferInput> = []
  const out: Array<TransferInput> = []
  ops.forEach((op, i) => {
    const id = `x${i}`
    const h = (k: number) => HOLDERS[k]!
    let t: TransferInput
    switch (op.t) {
      case "issue":
        t = { id, debitAccountId: "issuer", creditAccountId: h(op.to), amount: op.amount }
        break
      case "redeem":
      case "expire":
      case "donate":
        t = {
          id,
          debitAccountId: h(op.from),
          creditAccountId: `${op.t === "donate" ? "donat" : op.t.slice(0, -1)}ed`,
          amount: op.amount
        }
        break
      case "gift":
        t = {
          id,
          debitAccountId: h(op.from),
          creditAccountId: h(op.to === op.from ? (op.to + 1) % 4 : op.to),
          amount: op.amount
        }
        break
      case "hold":
        holds.push(id)
        t = { id, kind: "pending", debitAccountId: h(op.from), creditAccountId: "redeemed", amount: op.amount }
        if (op.timeout > 0) t = { ...t, timeoutMs: op.timeout }
        break
      case "post":
      case "void":
        t = { id, kind: op.t, pendingId: holds[op.target % Math.max(1, holds.length)] ?? "none" }
        if (op.amount !== undefined) t = { ...t, amount: op.amount }
        break
      case "correct": {
        const m = moves[op.target % Math.max(1, moves.length)]
        t = m
          ? {
              id,
              debitAccountId: m.creditAccountId!,
              creditAccountId: m.debitAccountId!,
              amount: op.amount,
              reverses: m.id,
              reason: "fix"
            }
          : { id, debitAccountId: "issuer", creditAccountId: "h0", amount: op.amount }
        break
      }
      case "wrongUnit":
        t = { id, debitAccountId: "other", creditAccountId: "h0", amount: op.amount }
    }
    if ((t.kind ?? "transfer") === "transfer") moves.push(t)
    out.push(t)
  })
  // Chains: an issue/redeem/... op with linked=true links to the next event (never the last).
  const linkedFlags = ops.map((op) => "linked" in op && op.linked)
  const batches: Array<Array<TransferInput>> = []
  for (let i = 0; i < out.length; i += batchSize) {
    const slice = out
      .slice(i, i + batchSize)
      .map((t, k) => (linkedFlags[i + k] && k < Math.min(batchSize, out.length - i) - 1 ? { ...t, linked: true } : t))
    batches.push(slice)
  }
  return batches
}

const run = (ops: ReadonlyArray<Op>, batchSize: number, clockStep = 500): Ledger => {
  let now = 0
  const l = open(() => now)
  for (const b of toBatches(ops, batchSize)) {
    now += clockStep
    getOrThrow(l.createTransfers(b))
  }
  return l
}

const bal = (l: Ledger, id: string) => l.account(id)!.balance

describe("ledger invariants (property tests)", () => {
  it("Σ debits = Σ credits per unit, posted and pending, after any batches", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 120 }), fc.integer({ min: 1, max: 20 }), (ops, size) => {
        const l = run(ops, size)
        for (const unit of ["pts", "min"]) {
          const accts = l.accounts().filter((a) => a.unit === unit)
          const sum = (f: (a: (typeof accts)[number]) => number) => accts.reduce((s, a) => s + f(a), 0)
          if (sum((a) => a.debitsPosted) !== sum((a) => a.creditsPosted)) return false
          if (sum((a) => a.debitsPending) !== sum((a) => a.creditsPending)) return false
        }
        return l.verify({ mode: "state" }).ok
      })
    )
  })

  it("issued − redeemed − expired − donated = outstanding liability", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 120 }), fc.integer({ min: 1, max: 20 }), (ops, size) => {
        const l = run(ops, size)
        const issued = -bal(l, "issuer")
        const outstanding = HOLDERS.reduce((s, h) => s + bal(l, h), 0)
        return issued - bal(l, "redeemed") - bal(l, "expired") - bal(l, "donated") === outstanding
      })
    )
  })

  it("no limited account ever goes negative or above its cap, pending included", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 120 }), fc.integer({ min: 1, max: 20 }), (ops, size) => {
        let now = 0
        const l = open(() => now)
        for (const b of toBatches(ops, size)) {
          now += 700
          getOrThrow(l.createTransfers(b))
          for (const h of HOLDERS) {
            const a = l.account(h)!
            if (a.available < 0 || a.creditsPosted + a.creditsPending - a.debitsPosted > 5_000) return false
          }
        }
        return true
      })
    )
  })

  it("replaying the log reproduces the state exactly", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), fc.integer({ min: 1, max: 20 }), (ops, size) => {
        const l = run(ops, size)
        const r = getOrThrow(restoreLedger(JSON.parse(JSON.stringify(l.snapshot()))))
        expect(r.accounts()).toEqual(l.accounts())
        expect(r.transfers()).toEqual(l.transfers())
        expect(r.head()).toBe(l.head())
        return l.verify().ok
      }),
      { numRuns: 60 }
    )
  })

  it("the hash chain is the same with the built-in SHA-256 (WebAssembly) as with the platform's (node:crypto)", () => {
    // `run` hashes with the default, the platform's SHA-256 in Node; the built-in one replays it.
    const sha256 = "built-in"
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), fc.integer({ min: 1, max: 20 }), (ops, size) => {
        const l = run(ops, size)
        const snap = JSON.parse(JSON.stringify(l.snapshot()))
        const r = getOrThrow(restoreLedger(snap, { sha256 }))
        expect(r.log().map((b) => b.hash)).toEqual(l.log().map((b) => b.hash))
        // And a ledger that hashes with the built-in SHA-256 from the start writes the same log.
        let now = 0
        const n = getOrThrow(createLedger({ clock: () => now, sha256 }))
        for (const b of snap.batches) {
          now = b.timestamp
          if (b.kind === "accounts") getOrThrow(n.createAccounts(b.events))
          else getOrThrow(n.createTransfers(b.events))
        }
        expect(n.head()).toBe(l.head())
        return n.verify().ok && r.verify().ok
      }),
      { numRuns: 40 }
    )
  })

  it("is idempotent under duplicated and reordered resubmission", () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 80 }),
        (ops, picks) => {
          const l = open()
          const outcome = new Map<string, string>()
          const sent: Array<TransferInput> = []
          for (const b of toBatches(ops, 7)) {
            const r = getOrThrow(l.createTransfers(b))
            b.forEach((t, k) => {
              outcome.set(t.id, r.results[k]!.code)
              sent.push(t)
            })
          }
          const before = JSON.stringify(l.accounts())
          // Retries of events that were decided (not dropped as part of a failed chain), in
          // any order, with duplicates; chain members are retried as their own chains would be.
          const retry = picks
            .map((p) => sent[p % sent.length]!)
            .filter((t) => outcome.get(t.id) !== "linked_event_failed" && t.linked !== true)
          const r = getOrThrow(l.createTransfers(retry))
          return (
            JSON.stringify(l.accounts()) === before &&
            r.results.every(
              (x, k) => x.code === (outcome.get(retry[k]!.id) === "created" ? "exists" : "id_already_failed")
            )
          )
        }
      )
    )
  })

  it("answers any operation retried with the same id with its original outcome (batches and corrections)", () => {
    type Call =
      | { readonly kind: "batch"; readonly input: unknown }
      | { readonly kind: "correct"; readonly input: unknown }
    const correctArb = fc.record({
      id: fc.nat(7),
      target: fc.nat(),
      amount: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
      reason: fc.constantFrom("typo", "duplicate"),
      replacement: fc.option(fc.record({ id: fc.nat(5), amount: fc.integer({ min: 1, max: 300 }) }), { nil: undefined })
    })
    // The outcome a retry must give: created and exists → exists (same amount), a burning
    // failure → id_already_failed with that code, everything else unchanged.
    const expected = (r: { code: string; amount?: number; originalCode?: string; field?: string }) =>
      r.code === "created" || r.code === "exists"
        ? { code: "exists", amount: r.amount }
        : r.code === "id_already_failed" ||
            r.code === "exists_with_different_fields" ||
            r.code === "linked_event_failed"
          ? r
          : { code: "id_already_failed", originalCode: r.code }
    const shape = (r: Record<string, unknown>) => {
      const { timestamp: _t, id: _i, ...rest } = r
      return rest
    }
    const outcome = (l: Ledger, call: Call) => {
      const r = call.kind === "batch" ? l.createTransfers(call.input) : l.correct(call.input)
      return r.ok
        ? { ok: true as const, results: r.value.results }
        : { ok: false as const, codes: r.error.issues.map((i) => i.code) }
    }
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            opArb.map((op) => ({ op })),
            correctArb.map((c) => ({ c }))
          ),
          { minLength: 1, maxLength: 50 }
        ),
        fc.array(fc.nat(), { maxLength: 60 }),
        (steps, picks) => {
          let now = 0
          const l = open(() => now)
          const calls: Array<Call> = []
          const transferIds: Array<string> = []
          steps.forEach((s, i) => {
            if ("op" in s) {
              const batch = (toBatches([s.op], 1)[0] ?? []).map((t) => ({ ...t, id: `${t.id}-${i}`, linked: false }))
              for (const t of batch) if ((t.kind ?? "transfer") === "transfer") transferIds.push(t.id)
              calls.push({ kind: "batch", input: batch })
            } else {
              const c = s.c
              const input: Record<string, unknown> = {
                id: `c${c.id}`,
                reverses: transferIds[c.target % Math.max(1, transferIds.length)] ?? "none",
                reason: c.reason
              }
              if (c.amount !== undefined) input.amount = c.amount
              if (c.replacement !== undefined)
                input.replacement = {
                  id: `r${c.replacement.id}`,
                  debitAccountId: "issuer",
                  creditAccountId: "h1",
                  amount: c.replacement.amount
                }
              calls.push({ kind: "correct", input })
            }
          })
          const first = calls.map((call) => {
            now += 100
            return outcome(l, call)
          })
          // Timeouts that fell due during the first calls are swept lazily by the next batch;
          // settle them now so the retries below run against a ledger with nothing left due.
          l.tick()
          const before = JSON.stringify(l.accounts())
          const head = l.head()
          for (const p of picks) {
            const k = p % calls.length
            const was = first[k]!
            // The clock stands still during retries, so no timeout fires between them.
            const again = outcome(l, calls[k]!)
            if (!was.ok) {
              // Refused input never takes its id; if another call took it since — created it or
              // burnt it with a failure — the id wins.
              const code = again.ok ? again.results[0]?.code : undefined
              const taken = code !== undefined && (code.startsWith("exists") || code === "id_already_failed")
              if (!taken && (again.ok || JSON.stringify(again.codes) !== JSON.stringify(was.codes))) return false
              continue
            }
            // A chain that failed as a whole is not decided (TigerBeetle: its other ids stay
            // free), so only its effect is checked: nothing applies — and a retry may now be
            // refused outright (e.g. a defaulted reversal whose original was reversed since).
            if (was.results.some((r) => r.code === "linked_event_failed")) {
              if (again.ok && again.results.some((r) => r.code === "created")) return false
              continue
            }
            if (!again.ok) return false
            const want = was.results.map((r) => JSON.stringify(shape(expected(r) as Record<string, unknown>)))
            const got = again.results.map((r) => JSON.stringify(shape(r as Record<string, unknown>)))
            if (JSON.stringify(want) !== JSON.stringify(got)) return false
          }
          // Retries only ever log empty-effect batches: balances are unchanged.
          return JSON.stringify(l.accounts()) === before && (picks.length > 0 || l.head() === head) && l.verify().ok
        }
      ),
      { numRuns: 150 }
    )
  })

  it("gives the same balances for any order of unlimited transfers, with duplicates", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(3), fc.nat(3), fc.integer({ min: 1, max: 1_000 })), { minLength: 1, maxLength: 40 }),
        fc.integer(),
        (moves, seed) => {
          const make = () => {
            const l = getOrThrow(createLedger())
            getOrThrow(l.createAccounts(["a", "b", "c", "d"].map((id) => ({ id, unit: "u" }))))
            return l
          }
          const ts = moves
            .filter(([d, c]) => d !== c)
            .map(([d, c, amount], i) => ({
              id: `m${i}`,
              debitAccountId: "abcd"[d]!,
              creditAccountId: "abcd"[c]!,
              amount
            }))
          const a = make()
          getOrThrow(a.createTransfers(ts))
          const shuffled = fc.sample(fc.shuffledSubarray(ts, { minLength: ts.length, maxLength: ts.length }), {
            seed,
            numRuns: 1
          })[0]!
          const b = make()
          getOrThrow(b.createTransfers([...shuffled, ...ts.slice(0, 3)]))
          return (
            JSON.stringify(a.accounts().map((x) => x.balance)) === JSON.stringify(b.accounts().map((x) => x.balance))
          )
        }
      )
    )
  })

  it("never double-spends when a timeout races a redemption (post, void and retries interleaved)", () => {
    type Step = { t: "post" | "void" | "tick" | "retryPost"; dt: number; amount: number }
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.array(
          fc.record({
            t: fc.constantFrom("post", "void", "tick", "retryPost") as fc.Arbitrary<Step["t"]>,
            dt: fc.nat(400),
            amount: fc.integer({ min: 1, max: 500 })
          }),
          { maxLength: 12 }
        ),
        (hold, timeout, steps) => {
          let now = 0
          const l = open(() => now)
          getOrThrow(l.createTransfers([{ id: "earn", debitAccountId: "issuer", creditAccountId: "h0", amount: 500 }]))
          getOrThrow(
            l.createTransfers([
              {
                id: "hold",
                kind: "pending",
                debitAccountId: "h0",
                creditAccountId: "redeemed",
                amount: hold,
                timeoutMs: timeout
              }
            ])
          )
          let created = 0
          let posted = 0
          steps.forEach((s, i) => {
            now += s.dt
            const ev =
              s.t === "tick"
                ? undefined
                : s.t === "void"
                  ? { id: `v${i}`, kind: "void", pendingId: "hold" }
                  : {
                      id: s.t === "retryPost" ? "p-retry" : `p${i}`,
                      kind: "post",
                      pendingId: "hold",
                      amount: Math.min(s.amount, hold)
                    }
            const r = getOrThrow(ev ? l.createTransfers([ev]) : l.tick())
            for (const x of r.results)
              if (x.code === "created") {
                created++
                if (ev?.kind === "post") posted = x.amount
              }
          })
          now += timeout + 1
          getOrThrow(l.tick())
          const status = l.transfer("hold")!.status
          const h0 = l.account("h0")!
          return (
            created <= 1 &&
            h0.debitsPending === 0 &&
            h0.debitsPosted === posted &&
            h0.balance === 500 - posted &&
            (status === "posted") === posted > 0 &&
            bal(l, "redeemed") === posted &&
            l.verify().ok
          )
        }
      )
    )
  })

  it("applies nothing of a batch that contains one invalid event", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.nat(), fc.anything(), (ops, at, junk) => {
        const l = run(ops, 5)
        const head = l.head()
        const before = JSON.stringify(l.accounts())
        const batch: Array<unknown> = toBatches(ops, 1_000)[0]?.map((t) => ({ ...t, id: `${t.id}-again` })) ?? []
        batch.splice(at % (batch.length + 1), 0, { id: "", amount: junk })
        const r = l.createTransfers(batch)
        return !r.ok && l.head() === head && JSON.stringify(l.accounts()) === before
      })
    )
  })
})

describe("the fast-path parser agrees with the TransferInput schema", () => {
  const near = fc.record(
    {
      id: fc.oneof(fc.string({ maxLength: 3 }), fc.constant("t".repeat(129)), fc.integer()),
      kind: fc.constantFrom("transfer", "pending", "post", "void", "other", undefined),
      debitAccountId: fc.constantFrom("a", "b", "", undefined, 3),
      creditAccountId: fc.constantFrom("a", "b", undefined),
      amount: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constantFrom(1.5, 2 ** 53, Number.NaN, "3", undefined)),
      pendingId: fc.constantFrom("p", undefined, ""),
      timeoutMs: fc.constantFrom(0, 10, -1, 0.5, undefined),
      code: fc.constantFrom(0, 65535, 65536, -1, undefined),
      ref: fc.constantFrom("r", undefined, null),
      reverses: fc.constantFrom("o", undefined),
      reason: fc.constantFrom("why", "", "x".repeat(501), undefined),
      linked: fc.constantFrom(true, false, undefined, 1),
      extra: fc.constantFrom(undefined, 1)
    },
    { requiredKeys: [] }
  )
  it("accepts exactly what zod accepts (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(near, fc.anything()),
        (x) => (parseTransferFast(x) !== undefined) === TransferInput.safeParse(x).success
      ),
      { numRuns: 5_000 }
    )
  })
})

describe("the fast-path account parser agrees with the AccountInput schema", () => {
  const near = fc.record(
    {
      id: fc.oneof(fc.string({ maxLength: 3 }), fc.constant("a".repeat(129)), fc.integer()),
      unit: fc.constantFrom("pts", "", undefined, 1),
      code: fc.constantFrom(0, 65535, 65536, -1, 1.5, undefined, "1"),
      debitsMustNotExceedCredits: fc.constantFrom(true, false, undefined, 1),
      creditsMustNotExceedDebits: fc.constantFrom(true, false, undefined, null),
      maxCreditBalance: fc.constantFrom(0, 10, -1, 2 ** 53, 0.5, undefined),
      maxDebitBalance: fc.constantFrom(0, 7, -3, undefined),
      extra: fc.constantFrom(undefined, 1)
    },
    { requiredKeys: [] }
  )
  it("accepts exactly what zod accepts on plain objects, with the same result (property)", () => {
    fc.assert(
      fc.property(fc.oneof(near, fc.anything()), (x) => {
        const fast = parseAccountFast(x)
        const slow = AccountInput.safeParse(x)
        if (fast !== undefined) return slow.success && JSON.stringify(fast) === JSON.stringify(slow.data)
        // The fast path may only decline plain objects that zod also refuses.
        const plain = typeof x === "object" && x !== null && Object.getPrototypeOf(x) === Object.prototype
        return !plain || !slow.success
      }),
      { numRuns: 5_000 }
    )
  })
})
