'use client'
/**
 * "Go to cell" from the Validation tab: the grid of the cell's table may not be mounted (Payload
 * renders only the active tab), so the request is kept until a grid that has the cell takes it,
 * and the tab holding that table is activated by its label.
 */
import { CURRENT_EDITION, getEdition, getTable } from '@xxgk/schema'
import type { TableKey } from '@xxgk/schema'
import { tableOfPath } from './grid/model.ts'

const EVENT = 'xxgk:focus-cell'
const FOCUSED_EVENT = 'xxgk:cell-focused'
let pending: string | null = null
let lastFocused: string | null = null

/** A grid tells which cell the user is on; the review panel pins a comment to it. */
export function noteCellFocus(path: string): void {
  if (path === lastFocused) return
  lastFocused = path
  window.dispatchEvent(new CustomEvent(FOCUSED_EVENT))
}

/** The cell a grid last had focus on, and its changes. */
export function lastFocusedCell(): string | null {
  return lastFocused
}

export function onCellFocused(listener: (path: string | null) => void): () => void {
  const handler = () => listener(lastFocused)
  window.addEventListener(FOCUSED_EVENT, handler)
  return () => window.removeEventListener(FOCUSED_EVENT, handler)
}

/** Called by a grid when it mounts or hears a request: the path if this grid has it (and it is taken). */
export function takeFocusRequest(has: (path: string) => boolean): string | null {
  if (pending && has(pending)) {
    const path = pending
    pending = null
    return path
  }
  return null
}

export function onFocusRequest(listener: () => void): () => void {
  window.addEventListener(EVENT, listener)
  return () => window.removeEventListener(EVENT, listener)
}

/** The labels a table's tab may carry (the same in both editions and languages). */
function tableTabLabels(table: TableKey): string[] {
  const label = getTable(getEdition(CURRENT_EDITION), table).label
  return [label.zh, label.en]
}

function activateTab(table: TableKey): void {
  const labels = tableTabLabels(table)
  const buttons = document.querySelectorAll<HTMLButtonElement>('.tabs-field__tab-button, [role="tab"]')
  for (const button of buttons) {
    const text = button.textContent?.trim() ?? ''
    if (labels.some((l) => text.includes(l))) {
      button.click()
      return
    }
  }
}

/** Asks the grid holding `path` to focus it, switching to its tab first when needed. */
export function requestCellFocus(path: string): void {
  const table = tableOfPath(path)
  if (!table) return
  pending = path
  const mounted = document.querySelector(`[data-xxgk-grid="${table}"]`)
  if (!mounted) activateTab(table)
  window.dispatchEvent(new CustomEvent(EVENT))
  // the grid mounts after the tab switch renders; it takes the request on mount
}
