/**
 * The public side of the reports (issue 10): a reader without a role of the plugin reads the
 * published reports (collections/reports/access.ts), and always their published content: a
 * `draft=true` query from the public is read as a query of published documents, so a report
 * with a newer draft on top still shows its published version.
 */
import type { CollectionBeforeOperationHook } from 'payload'
import { roleOf } from '../collections/index.ts'
import type { XxgkSlugs } from '../collections/index.ts'

export function publicReads(slugs: XxgkSlugs): CollectionBeforeOperationHook {
  return ({ args, operation, req }) => {
    if (operation === 'read' && !roleOf(req, slugs) && args && typeof args === 'object' && 'draft' in args && args.draft) {
      return { ...args, draft: false }
    }
    return args
  }
}
