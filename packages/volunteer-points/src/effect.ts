/**
 * `@jiceng/volunteer-points/effect` — the package's entry points as Effects. The only module of the
 * package that imports `effect` (an optional peer dependency).
 *
 * @since 0.1.0
 * @module
 */
export { fromResult, lift } from "@jiceng/core/effect"
