/**
 * What the voting-procedures demos share when they build their results in the DOM: an element
 * builder, and the parts a tally is shown with — the list of issues of invalid input, the reason
 * codes, and the explanation with its citations.
 */
import type { Issue } from "@jiceng/core"
import type { ExplanationStep } from "@jiceng/voting-procedures"
import { issueText } from "../shared.ts"

/** An element with these attributes and, when given, this text. */
export const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Readonly<Record<string, string>> = {},
  text?: string
): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag)
  for (const [k, v] of Object.entries(props)) e.setAttribute(k, v)
  if (text !== undefined) e.textContent = text
  return e
}

/** Invalid input: one item per issue, with its path, its message in the page's language and its code. */
export const issueList = (
  issues: ReadonlyArray<Issue>,
  zh: boolean,
  props: Readonly<Record<string, string>>
): HTMLUListElement => {
  const ul = el("ul", props)
  for (const i of issues) ul.appendChild(el("li", {}, issueText(i, zh, { code: true })))
  return ul
}

/** "reason codes: a, b", or a dash when there is none. */
export const reasonsText = (label: string | undefined, reasons: ReadonlyArray<string>): string =>
  `${label}: ${reasons.length > 0 ? reasons.join(", ") : "—"}`

/** The explanation, one item per step, each with its citation (title in the page's language, article). */
export const explanationList = (
  steps: ReadonlyArray<ExplanationStep>,
  zh: boolean,
  props: Readonly<Record<string, string>>
): HTMLOListElement => {
  const ol = el("ol", props)
  for (const s of steps) {
    const li = ol.appendChild(el("li", {}, zh ? s.zh : s.en))
    if (s.citation) {
      // Titles read "中文名 English name": show the half in the page's language.
      const cut = s.citation.title.indexOf(" ")
      const title = cut < 0 ? s.citation.title : zh ? s.citation.title.slice(0, cut) : s.citation.title.slice(cut + 1)
      li.appendChild(el("small", {}, ` [${title}${s.citation.article ? `, ${s.citation.article}` : ""}]`))
    }
  }
  return ol
}
