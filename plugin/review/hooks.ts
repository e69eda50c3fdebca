/**
 * The review loop on the write path (the plugin's `review` option): publishing needs a
 * supervisor's approval (admins, and the Local API without a user, may publish directly), and
 * any edit of an approved, submitted or published report sends it back to `draft`. The review
 * endpoints write the review fields themselves (request context `xxgkReview`).
 */
import type { CollectionBeforeChangeHook } from 'payload'
import { roleOf } from '../../collections/index.ts'
import type { XxgkSlugs } from '../../collections/index.ts'
import { problemsError } from '../errors.ts'
import { contentChanged, historyEntry, historyOf, stateOf } from './state.ts'

type Json = Record<string, unknown>

export const REVIEW_CONTEXT = 'xxgkReview'

export const NEEDS_APPROVAL = {
  zh: '启用审核后，报告须经上级机关审核通过才能发布（当前状态：{state}）；请先提交审核',
  en: 'With review on, a report can be published only once a supervisor of a parent agency has approved it (state now: {state}); submit it for review first',
}

export function reviewBeforeChange(slugs: XxgkSlugs): CollectionBeforeChangeHook {
  return ({ data, originalDoc, operation, req }) => {
    if (req.context?.[REVIEW_CONTEXT]) return data
    const original = operation === 'update' ? (originalDoc as Json | undefined) : undefined
    const before = stateOf(original)
    const status = data._status ?? original?._status
    const changed = contentChanged(original, data as Json)
    const history = historyOf(original ?? (data as Json))
    if (status === 'published') {
      const system = !req.user
      const admin = roleOf(req, slugs) === 'admin'
      const approvedUnchanged = (before === 'approved' || before === 'published') && !changed
      if (!system && !admin && !approvedUnchanged) {
        const state = before === 'approved' ? `${before}, edited` : before
        throw problemsError(
          [
            {
              path: 'reviewStatus',
              rule: 'REVIEW',
              message: { zh: NEEDS_APPROVAL.zh.replace('{state}', state), en: NEEDS_APPROVAL.en.replace('{state}', state) },
            },
          ],
          req,
          slugs.reports,
        )
      }
      if (before !== 'published' || changed) {
        data.reviewStatus = 'published'
        data.reviewHistory = [...history, historyEntry(req, 'publish', before, 'published')]
      }
      return data
    }
    if (operation === 'create') {
      data.reviewStatus = data.reviewStatus ?? 'draft'
      return data
    }
    if (changed && (before === 'approved' || before === 'submitted' || before === 'published')) {
      data.reviewStatus = 'draft'
      data.reviewHistory = [...history, historyEntry(req, 'edit', before, 'draft')]
    }
    return data
  }
}
