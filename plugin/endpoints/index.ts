import type { Endpoint } from 'payload'
import type { XxgkSlugs } from '../../collections/index.ts'
import { exportEndpoint } from './export.ts'
import { importEndpoint } from './import.ts'
import { importStatusEndpoint } from './import-status.ts'
import { issuesEndpoint } from './issues.ts'
import { nextYearEndpoint } from './next-year.ts'
import { statsEndpoint } from './stats.ts'
import { validateEndpoint } from './validate.ts'

/** The reports collection's endpoints, each built in a file of its own. */
export function reportEndpoints(slugs: XxgkSlugs): Endpoint[] {
  // before Payload's own `/:id` routes, so `/stats` and `/import` are not read as ids
  return [
    validateEndpoint(),
    statsEndpoint(slugs),
    importEndpoint(slugs),
    importStatusEndpoint(slugs),
    issuesEndpoint(slugs),
    exportEndpoint(slugs),
    nextYearEndpoint(slugs),
  ]
}
