import type { Page } from "playwright-core"

/** One browser test: opens `path` on the built site (or about:blank when absent) and runs `run`. */
export interface BrowserTest {
  readonly name: string
  /** Site path such as `/core/`; the zh-cn page of `/x/` is `/zh-cn/x/`. */
  readonly path?: string
  readonly run: (page: Page, context: { readonly baseUrl: string }) => Promise<void>
}

/** The default export of every `test/browser/*.browser.ts` file. */
export interface BrowserSuite {
  readonly name: string
  readonly tests: ReadonlyArray<BrowserTest>
}
