import type { Endpoint } from 'payload'
import type { XxgkSlugs } from '../../collections/index.ts'
import { exportEndpoint } from './export.ts'
import { importEndpoint } from './import.ts'
import { importStatusEndpoint } from './import-status.ts'
import { issuesEndpoint } from './issues.ts'
import { nextYearEndpoint } from './next-year.ts'
import { statsEndpoint } from './stats.ts'
import { validateEndpoint } from './validate.ts'
import { approveEndpoint } from './approve.ts'
import { compareEndpoint } from './compare.ts'
import { dashboardEndpoint, followupEndpoint } from './dashboard.ts'
import { returnEndpoint } from './return.ts'
import { reviewEndpoint } from './review.ts'
import { submitEndpoint } from './submit.ts'

/** The reports collection's endpoints, each built in a file of its own. */
export function reportEndpoints(slugs: XxgkSlugs, options: { review?: boolean } = {}): Endpoint[] {
  // the review steps only with the plugin's `review` option; GET /:id/review always answers (review: false when off)
  const review = options.review ? [submitEndpoint(slugs), returnEndpoint(slugs), approveEndpoint(slugs)] : []
  // before Payload's own `/:id` routes, so `/stats` and `/import` are not read as ids
  return [
    validateEndpoint(),
    statsEndpoint(slugs),
    dashboardEndpoint(slugs),
    followupEndpoint(slugs),
    importEndpoint(slugs),
    importStatusEndpoint(slugs),
    issuesEndpoint(slugs),
    exportEndpoint(slugs),
    nextYearEndpoint(slugs),
    compareEndpoint(slugs),
    reviewEndpoint(slugs, { review: Boolean(options.review) }),
    ...review,
  ]
}
