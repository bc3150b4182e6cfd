/**
 * What the ledger and points playgrounds share: reading their labels and language, the form
 * fields, the result and verify outputs, bilingual error messages and table rows. Both are
 * custom elements driven by `data-op` buttons, so one base class holds that wiring and each
 * playground keeps only its own operations and tables.
 */

import type { Issue } from "@jiceng/core"
import { issuesText } from "../shared.ts"

/** Translated labels, passed from the Astro frontmatter as JSON in `data-t`. */
export type Labels = Record<string, string>

/** The issues of any typed error of the library (InvalidInputError, PointsError, …). */
export type Issues = ReadonlyArray<Issue>

/** A `Result` as far as the outputs need it, so both the ledger's and the system's verify fit. */
type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { issues: Issues } }

/** A header row of a table, one `<th>` per label. */
export const headerRow = (labels: ReadonlyArray<string | undefined>): string =>
  `<tr>${labels.map((l) => `<th>${l}</th>`).join("")}</tr>`

export abstract class Playground extends HTMLElement {
  t: Labels = {}
  zh = false

  /** Runs one button's operation; every button carries its operation in `data-op`. */
  abstract run(op: string): void

  /** Reads the labels and language and routes button clicks to `run`. */
  protected setup(): void {
    this.t = JSON.parse(this.dataset.t ?? "{}") as Labels
    this.zh = this.dataset.lang === "zh-cn"
    this.addEventListener("click", (e) => {
      const op = (e.target as HTMLElement).closest("button")?.dataset.op
      if (op) this.run(op)
    })
  }

  field(name: string): string {
    return (this.querySelector(`[name=${name}]`) as HTMLInputElement | HTMLSelectElement).value
  }

  output(testid: string): HTMLOutputElement {
    return this.querySelector(`[data-testid=${testid}]`) as HTMLOutputElement
  }

  message(issues: Issues): string {
    return issuesText(issues, this.zh)
  }

  show(text: string, state: string): void {
    const out = this.output("result")
    out.dataset.state = state
    out.textContent = text
  }

  /** Shows the outcome of `verify()`: `okText` of the report, or why the books do not add up. */
  showVerify<T>(v: Checked<T>, okText: (value: T) => string): void {
    const out = this.output("verify")
    out.dataset.state = v.ok ? "ok" : "error"
    out.textContent = v.ok ? okText(v.value) : `${this.t.verifyBad}: ${this.message(v.error.issues)}`
  }
}
