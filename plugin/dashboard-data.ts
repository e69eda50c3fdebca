/**
 * The supervisor's dashboard as data (issue 10), shared by the admin view, `GET
 * /api/<reports>/dashboard` and the follow-up workbook: every agency the user may read under its
 * own, the **newest version** of each one's report of the year (a draft with errors shows its
 * errors), review states and open comments, the 待审核 queue and the agencies with no report.
 * Reads only the columns it shows (`select`), so 5,000 agencies stay within a few hundred ms.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'
import { readableAgencies, relationId, roleOf, userAgency } from '../collections/index.ts'
import type { XxgkSlugs } from '../collections/index.ts'
import { openComments } from '../collections/reports/review.ts'
import { newestReportsOfYear } from './newest-versions.ts'
import { reportStats } from './stats.ts'
import type { Stats } from './stats.ts'
import { chinaDate, countStates, dashboardRows } from './admin/dashboard/model.ts'
import type { DashboardAgency, DashboardReport, DashboardRow, Id, ReportState } from './admin/dashboard/model.ts'

type Json = Record<string, unknown>

export interface DashboardData {
  year: number
  today: string
  /** The supervisor's agency (null for admins: every agency). */
  root: Id | null
  rows: DashboardRow[]
  counts: Record<ReportState, number>
  /** Reports submitted for review, oldest state first in tree order. */
  queue: DashboardRow[]
  /** Agencies below the root with no report of the year. */
  missing: DashboardAgency[]
  /**
   * A supervisor's roll-up (with `rollup: true`): the sums of the newest versions of the year's
   * reports, the own agency's beside those of every agency below (null when none has a report).
   */
  rollup?: { own: Stats; descendants: Stats | null } | null
}

export async function dashboardData(
  req: PayloadRequest,
  slugs: XxgkSlugs,
  options: { year: number; today?: string; rollup?: boolean },
): Promise<DashboardData> {
  const { year } = options
  const today = options.today ?? chinaDate(new Date())!
  // the same scope as the collections' read access (collections/access.ts), read at the database
  // level: Payload's find pipeline shapes every one of a report's 290 fields (seconds for 5,000)
  const scope = await readableAgencies(req, slugs)
  const inScope = scope === true ? null : new Set(scope.map(String))
  const [agencyDocs, newest] = await Promise.all([
    inScope?.size === 0
      ? { docs: [] }
      : req.payload.db.find({
          collection: slugs.agencies as CollectionSlug,
          ...(scope !== true && { where: { id: { in: scope } } }),
          select: { name: true, parent: true, kind: true, level: true },
          pagination: false,
          req,
        }),
    // the newest version of each report: a draft shows as a draft, with its own counts
    inScope?.size === 0 ? [] : newestReportsOfYear(req, slugs, year),
  ])
  const reportDocs = { docs: inScope ? newest.filter((r) => r.agency !== null && inScope.has(String(r.agency))) : newest }
  const agencies: DashboardAgency[] = agencyDocs.docs.map((doc) => {
    const d = doc as unknown as Json
    return { id: d.id as Id, name: String(d.name ?? d.id), parent: relationId(d.parent), kind: (d.kind as string) ?? null, level: (d.level as string) ?? null }
  })
  const reports: DashboardReport[] = reportDocs.docs.map((doc) => {
    const d = doc as unknown as Json
    return {
      id: d.id as Id,
      agency: relationId(d.agency) as Id,
      year: Number(d.year),
      status: d._status === 'published' ? 'published' : 'draft',
      errorCount: typeof d.errorCount === 'number' ? d.errorCount : null,
      warningCount: typeof d.warningCount === 'number' ? d.warningCount : null,
      publishedAt: (d.publishedAt as string) ?? null,
      reviewStatus: (d.reviewStatus as string) ?? null,
      openComments: openComments(d.reviewComments).length,
    }
  })
  const root = roleOf(req, slugs) === 'supervisor' ? userAgency(req) : null
  const rows = dashboardRows({ agencies, reports, year, today, roots: root !== null ? [root] : undefined })
  const below = rows.filter((r) => r.report && root !== null && String(r.agency.id) !== String(root)).map((r) => r.agency.id)
  const rollup =
    options.rollup && root !== null
      ? await Promise.all([
          reportStats(req, slugs, { year, agencies: [root], newest: true }),
          below.length ? reportStats(req, slugs, { year, agencies: below, newest: true }) : null,
        ]).then(([own, descendants]) => ({ own, descendants }))
      : undefined
  return {
    year,
    today,
    root,
    rows,
    ...(rollup !== undefined && { rollup }),
    counts: countStates(rows),
    queue: rows.filter((r) => r.report?.reviewStatus === 'submitted' && (root === null || String(r.agency.id) !== String(root))),
    missing: rows.filter((r) => !r.report && (root === null || String(r.agency.id) !== String(root))).map((r) => r.agency),
  }
}
