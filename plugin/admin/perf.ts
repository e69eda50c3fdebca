/**
 * Performance API measures the benchmark reads in the page (bench/ui.bench.ts). They are
 * recorded only when the page sets `globalThis.__XXGK_PERF__ = true`, so an editor's long
 * session does not collect thousands of entries.
 */
export const MEASURES = {
  /** One live check of the form (rules + totals), ms. */
  check: 'xxgk:check',
  /** From the input event of a keystroke to the grid's DOM updated with totals and marks. */
  keystroke: 'xxgk:keystroke',
  /** A grid rendered and interactive (a mark: its time is from navigation start). */
  gridReady: 'xxgk:grid-ready',
  /** The report's edit view hydrated: its document controls answer (a mark). */
  editReady: 'xxgk:edit-ready',
} as const

export function perfEnabled(): boolean {
  return typeof performance !== 'undefined' && (globalThis as { __XXGK_PERF__?: boolean }).__XXGK_PERF__ === true
}

export function measureSince(name: string, start: number): void {
  if (!perfEnabled()) return
  try {
    performance.measure(name, { start, end: performance.now() })
  } catch {
    // diagnostics only
  }
}

export function markOnce(name: string): void {
  if (!perfEnabled() || performance.getEntriesByName(name, 'mark').length > 0) return
  performance.mark(name)
}
