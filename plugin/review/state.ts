/**
 * The review loop as data (issue 10): who may take which step from which state, and whether a
 * write changed the report's content (any edit after approval sends it back to draft).
 */
import type { PayloadRequest } from 'payload'
import { agencySubtree, allCells, relationId, roleOf, sameId, TEXT_SECTIONS, userAgency } from '../../collections/index.ts'
import type { XxgkSlugs } from '../../collections/index.ts'
import { isReviewState, openComments } from '../../collections/reports/review.ts'
import type { ReviewAction, ReviewComment, ReviewHistoryEntry, ReviewState } from '../../collections/reports/review.ts'
import { getPath } from '../interchange.ts'
import { lexicalToPlainText } from '../richtext.ts'

type Json = Record<string, unknown>

export const stateOf = (doc: Json | undefined | null): ReviewState => (isReviewState(doc?.reviewStatus) ? doc!.reviewStatus : 'draft')

/** The states each step starts from. */
export const STEP_FROM: Record<'submit' | 'return' | 'approve', readonly ReviewState[]> = {
  submit: ['draft', 'returned'],
  return: ['submitted', 'approved'],
  approve: ['submitted'],
}
export const STEP_TO: Record<'submit' | 'return' | 'approve', ReviewState> = { submit: 'submitted', return: 'returned', approve: 'approved' }

/** The report's own editor (or an admin). */
export function isReportEditor(req: PayloadRequest, slugs: XxgkSlugs, doc: Json): boolean {
  const role = roleOf(req, slugs)
  return role === 'admin' || (role === 'editor' && sameId(doc.agency, userAgency(req)))
}

/** A supervisor of an agency above the report's (or an admin). */
export async function isReportSupervisor(req: PayloadRequest, slugs: XxgkSlugs, doc: Json): Promise<boolean> {
  const role = roleOf(req, slugs)
  if (role === 'admin') return true
  const own = userAgency(req)
  const agency = relationId(doc.agency)
  if (role !== 'supervisor' || own === null || agency === null || sameId(own, agency)) return false
  const below = await agencySubtree(req, slugs, own)
  return below.some((id) => sameId(id, agency))
}

export function historyEntry(
  req: PayloadRequest,
  action: ReviewAction,
  from: ReviewState,
  to: ReviewState,
  extra: Partial<ReviewHistoryEntry> = {},
): ReviewHistoryEntry {
  const user = req.user as { id?: string | number; email?: string } | null | undefined
  return { action, from, to, by: user?.id ?? null, byEmail: user?.email ?? null, at: new Date().toISOString(), ...extra }
}

export const historyOf = (doc: Json | undefined | null): ReviewHistoryEntry[] =>
  Array.isArray(doc?.reviewHistory) ? (doc!.reviewHistory as ReviewHistoryEntry[]) : []
export const commentsOf = (doc: Json | undefined | null): ReviewComment[] =>
  Array.isArray(doc?.reviewComments) ? (doc!.reviewComments as ReviewComment[]) : []
export { openComments }

const cellValue = (doc: Json | undefined, keys: readonly string[]) => {
  const value = doc ? getPath(doc, keys) : undefined
  return value === undefined || value === '' ? null : value
}

/** Whether `next` differs from `before` in what the report says: a cell, a narrative section, the title, edition, year, agency or publication date. */
export function contentChanged(before: Json | undefined, next: Json): boolean {
  if (!before) return true
  // what the save itself computes is no edit of the editor's: computed cells follow their parts,
  // and publishing stamps an empty 公布日期
  const computed = new Set(Array.isArray(next.computed) ? (next.computed as unknown[]).map(String) : [])
  for (const cell of allCells()) {
    if (computed.has(cell.path)) continue
    const keys = cell.path.split('.')
    const a = cellValue(before, keys)
    const b = cellValue(next, keys)
    if ((a === null) !== (b === null) || (a !== null && Number(a) !== Number(b))) return true
  }
  for (const section of TEXT_SECTIONS) {
    const a = lexicalToPlainText((before.text as Json | undefined)?.[section]) ?? ''
    const b = lexicalToPlainText((next.text as Json | undefined)?.[section]) ?? ''
    if (a.trim() !== b.trim()) return true
  }
  for (const key of ['title', 'edition', 'year']) if (String(before[key] ?? '') !== String(next[key] ?? '')) return true
  if (!sameId(before.agency, next.agency)) return true
  const date = (value: unknown) => (value ? new Date(value as string).toISOString().slice(0, 10) : '')
  return Boolean(before.publishedAt) && date(before.publishedAt) !== date(next.publishedAt)
}

/** Paths a comment may be pinned to: a cell, a narrative section or the title. */
export function isCommentPath(path: string): boolean {
  if (path === 'title' || TEXT_SECTIONS.some((s) => path === `text.${s}`)) return true
  return allCells().some((cell) => cell.path === path)
}
