'use client'
/**
 * The open review comments of the report being edited, shared between the review panel (which
 * loads them) and the grid (which marks their cells). A tiny external store.
 */
import { useSyncExternalStore } from 'react'

export interface CellComment {
  id: string
  comment: string
  path?: string | null
  byEmail?: string | null
  at: string
  resolvedAt?: string | null
}

let current: ReadonlyMap<string, CellComment[]> = new Map()
const listeners = new Set<() => void>()

export function setOpenComments(comments: readonly CellComment[]): void {
  const next = new Map<string, CellComment[]>()
  for (const c of comments) {
    if (c.resolvedAt || !c.path) continue
    const list = next.get(c.path) ?? []
    list.push(c)
    next.set(c.path, list)
  }
  current = next
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The open comments by cell path. */
export function useCellComments(): ReadonlyMap<string, CellComment[]> {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  )
}
