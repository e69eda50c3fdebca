import type { PayloadRequest } from 'payload'
import { relationId } from '../collections/index.ts'
import type { ID, XxgkSlugs } from '../collections/index.ts'
import { fillComputed, validateReport } from '@xxgk/schema'
import type { NotAReportError } from '@xxgk/schema'
import type { FilledTotal, Label, Report, ValidationResult } from '@xxgk/schema'
import { AGENCY_REQUIRED, loadAgency, normaliseId, UNKNOWN_AGENCY } from './agencies.ts'
import type { AgencyDoc } from './agencies.ts'
import { problemsError } from './errors.ts'
import { reportToInterchange } from './interchange.ts'

type Json = Record<string, unknown>

export interface Assessment {
  agency: AgencyDoc
  /** The report as the rules saw it (blank totals filled when asked). */
  report: Report
  filled: FilledTotal[]
  /** Computed cells left blank, every part of them blank (see `fillComputed`). */
  cleared: string[]
  result: ValidationResult
  /** Another stored report of the same agency and year, if any. */
  duplicate: Json | null
}

export const isNotAReport = (error: unknown): error is NotAReportError =>
  error instanceof Error && error.name === 'NotAReportError' && typeof (error as NotAReportError).path === 'string'

export const DUPLICATE_REPORT = (agency: string, year: unknown, id: unknown): Label => ({
  zh: `${agency} ${String(year)} 年度的报告已存在（id ${String(id)}），每个机关每年只有一份报告`,
  en: `${agency} already has a report for ${String(year)} (id ${String(id)}); one report per agency and year`,
})

/**
 * Runs the rules on a report document the way a save does: its agency's kind and level and the
 * publication date as context, and the same agency's stored report of the year before for the
 * cross-report rules. One query finds both that report and a clashing one of the same year.
 */
export async function assessReport(
  req: PayloadRequest,
  slugs: XxgkSlugs,
  doc: Json,
  options: {
    selfId?: ID | null
    fillTotals?: boolean
    /** Cells holding computed values, recomputed from their parts (with `fillTotals`). */
    computed?: readonly string[]
  } = {},
): Promise<Assessment> {
  const agencyId = relationId(doc.agency)
  if (agencyId === null) throw problemsError([{ path: 'agency', message: AGENCY_REQUIRED }], req, slugs.reports)
  const agency = await loadAgency(req, slugs, agencyId)
  if (!agency) throw problemsError([{ path: 'agency', message: UNKNOWN_AGENCY(agencyId) }], req, slugs.reports)

  const interchange = reportToInterchange(doc, agency.name)

  let previous: Json | null = null
  let duplicate: Json | null = null
  const year = doc.year
  if (typeof year === 'number' && Number.isSafeInteger(year)) {
    const { docs } = await req.payload.db.find<Json>({
      collection: slugs.reports,
      where: { and: [{ agency: { equals: normaliseId(req.payload, agency.id) } }, { year: { in: [year - 1, year] } }] },
      limit: 3,
      pagination: false,
      req,
    })
    previous = docs.find((d) => d.year === year - 1) ?? null
    duplicate = docs.find((d) => d.year === year && String(d.id) !== String(options.selfId ?? '')) ?? null
  }

  const previousReport = previous ? reportToInterchange(previous, agency.name) : undefined
  const { report, filled, cleared } = options.fillTotals
    ? fillComputed(interchange, { computed: options.computed, previous: previousReport })
    : { report: interchange, filled: [], cleared: [] }

  const context = { publishedAt: (doc.publishedAt as string | null | undefined) ?? null, agencyKind: agency.kind, agencyLevel: agency.level }
  let result: ValidationResult
  try {
    result = validateReport(report, { previous: previousReport, context })
  } catch (error) {
    // a shape check, not instanceof: bundlers may hold two copies of src/
    if (!isNotAReport(error)) throw error
    // the stored previous report is unusable: check this one without it
    if (error.path.startsWith('previous')) result = validateReport(report, { context })
    else throw problemsError([{ path: error.path || 'edition', message: error.reason, rule: 'SCHEMA' }], req, slugs.reports)
  }
  return { agency, report, filled, cleared, result, duplicate }
}
