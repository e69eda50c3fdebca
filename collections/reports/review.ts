/**
 * The review loop's fields on a report (issue 10): its state, the history of every step and the
 * supervisor's comments. They exist whether or not the plugin's `review` option is on, so the
 * database schema never depends on it; only the plugin's hooks and endpoints write them (their
 * field access refuses every direct write), and the public never reads them.
 */
import type { Field, PayloadComponent, PayloadRequest } from 'payload'
import type { Label } from '@xxgk/schema'
import { staticLabel } from '../labels.ts'

export const REVIEW_STATES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

export const REVIEW_STATE_LABELS: Record<ReviewState, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '审核通过', en: 'Approved' },
  published: { zh: '已发布', en: 'Published' },
}

export type ReviewAction = 'submit' | 'return' | 'approve' | 'publish' | 'edit'

/** One step of the loop: who, when, from which state to which, and the comment if any. */
export interface ReviewHistoryEntry {
  action: ReviewAction
  from: ReviewState
  to: ReviewState
  by: string | number | null
  byEmail?: string | null
  at: string
  comment?: string
  /** The cell a returned report's comment is pinned to. */
  path?: string
}

/** A supervisor's comment; open until `resolvedAt` is set (the editor's next submission resolves it). */
export interface ReviewComment {
  id: string
  comment: string
  path?: string | null
  by: string | number | null
  byEmail?: string | null
  at: string
  resolvedAt?: string | null
}

const signedIn = ({ req }: { req: PayloadRequest }) => Boolean(req.user)
const nobody = () => false

export const isReviewState = (value: unknown): value is ReviewState => (REVIEW_STATES as readonly unknown[]).includes(value)

export function reviewFields(options: { panel?: PayloadComponent } = {}): Field[] {
  const access = { read: signedIn, create: nobody, update: nobody }
  return [
    {
      name: 'reviewStatus',
      type: 'select',
      index: true,
      defaultValue: 'draft',
      label: { zh: '审核状态', en: 'Review state' },
      options: REVIEW_STATES.map((value) => ({ value, label: staticLabel(REVIEW_STATE_LABELS[value]) })),
      access,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'reviewHistory',
      type: 'json',
      label: { zh: '审核记录', en: 'Review history' },
      access,
      admin: { hidden: true },
    },
    {
      name: 'reviewComments',
      type: 'json',
      label: { zh: '审核意见', en: 'Review comments' },
      access,
      admin: { hidden: true },
    },
    ...(options.panel
      ? [
          {
            name: 'reviewPanel',
            type: 'ui',
            label: { zh: '审核', en: 'Review' },
            admin: { position: 'sidebar', components: { Field: options.panel } },
          } as Field,
        ]
      : []),
  ]
}

/** Open comments (not resolved). */
export function openComments(value: unknown): ReviewComment[] {
  return Array.isArray(value) ? (value as ReviewComment[]).filter((c) => c && typeof c === 'object' && !c.resolvedAt) : []
}
