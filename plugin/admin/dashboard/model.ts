import { EDITION_IDS, getEdition, getTable, RULES } from '@xxgk/schema'
import type { DeadlineRule, Label } from '@xxgk/schema'

/**
 * The supervisor's overview, as data: for one year, the state of each agency's report
 * (published on time or late, draft with or without errors, missing, overdue), and the
 * requests by outcome across years for the chart.
 */

export type Id = string | number

export interface DashboardAgency {
  id: Id
  name: string
  parent?: Id | null
  kind?: string | null
  level?: string | null
}

export interface DashboardReport {
  id: Id
  agency: Id
  year: number
  status: 'draft' | 'published'
  errorCount?: number | null
  warningCount?: number | null
  publishedAt?: string | null
  /** The review loop's state (plugin option `review`). */
  reviewStatus?: string | null
  /** Review comments not yet resolved. */
  openComments?: number
}

export type ReportState = 'published' | 'publishedLate' | 'draftWithErrors' | 'draft' | 'missing' | 'overdue'

export const REPORT_STATES: readonly ReportState[] = ['overdue', 'draftWithErrors', 'publishedLate', 'missing', 'draft', 'published']

export interface DashboardRow {
  agency: DashboardAgency
  /** Nesting below the supervisor's agency (0 = its own). */
  depth: number
  report: DashboardReport | null
  state: ReportState
  /** Last day to publish (YYYY-MM-DD) under the DEADLINE rule. */
  due: string
}

const deadlineRule = RULES.find((r): r is DeadlineRule => r.kind === 'deadline')!

/** The DEADLINE rule's date for an agency's report of `year`, and which deadline it is. */
export function dueDate(year: number, agency: Pick<DashboardAgency, 'kind' | 'level'>): { date: string; label: Label } {
  const entry =
    deadlineRule.deadlines.find(
      (d) => (!d.agencyKinds || d.agencyKinds.includes(agency.kind ?? '')) && (!d.agencyLevels || d.agencyLevels.includes(agency.level ?? '')),
    ) ?? deadlineRule.deadlines[deadlineRule.deadlines.length - 1]!
  return { date: `${year + 1}-${String(entry.month).padStart(2, '0')}-${String(entry.day).padStart(2, '0')}`, label: entry.label }
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000
/** The calendar date in China of an instant (the deadlines are Chinese calendar days). */
export function chinaDate(value: string | Date): string | null {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const time = new Date(value).getTime()
  return Number.isNaN(time) ? null : new Date(time + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

export function reportState(report: DashboardReport | null, due: string, today: string): ReportState {
  if (!report) return today > due ? 'overdue' : 'missing'
  if (report.status === 'published') {
    const published = report.publishedAt ? chinaDate(report.publishedAt) : null
    // on time only with a publication date on or before the deadline (publishing stamps one)
    return published && published <= due ? 'published' : 'publishedLate'
  }
  if ((report.errorCount ?? 0) > 0) return 'draftWithErrors'
  return today > due ? 'overdue' : 'draft'
}

/**
 * One row per agency of the tree under `roots` (the supervisor's agency; every agency without
 * a parent among those given when no root is named), in tree order, for reports of `year`.
 */
export function dashboardRows(input: {
  agencies: readonly DashboardAgency[]
  reports: readonly DashboardReport[]
  year: number
  today: string
  roots?: readonly Id[]
}): DashboardRow[] {
  const { agencies, reports, year, today } = input
  const key = (id: Id | null | undefined) => (id === null || id === undefined ? '' : String(id))
  const known = new Set(agencies.map((a) => key(a.id)))
  const children = new Map<string, DashboardAgency[]>()
  for (const agency of agencies) {
    const parent = known.has(key(agency.parent)) ? key(agency.parent) : ''
    let list = children.get(parent)
    if (!list) children.set(parent, (list = []))
    list.push(agency)
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'))
  const byAgency = new Map(reports.filter((r) => r.year === year).map((r) => [key(r.agency), r]))
  const rootAgencies = input.roots?.length ? agencies.filter((a) => input.roots!.some((r) => key(r) === key(a.id))) : (children.get('') ?? [])
  const rows: DashboardRow[] = []
  const seen = new Set<string>()
  const visit = (agency: DashboardAgency, depth: number) => {
    if (seen.has(key(agency.id))) return
    seen.add(key(agency.id))
    const report = byAgency.get(key(agency.id)) ?? null
    const due = dueDate(year, agency).date
    rows.push({ agency, depth, report, due, state: reportState(report, due, today) })
    for (const child of children.get(key(agency.id)) ?? []) visit(child, depth + 1)
  }
  for (const root of rootAgencies) visit(root, 0)
  return rows
}

export function countStates(rows: readonly DashboardRow[]): Record<ReportState, number> {
  const counts = Object.fromEntries(REPORT_STATES.map((s) => [s, 0])) as Record<ReportState, number>
  for (const row of rows) counts[row.state]++
  return counts
}

/** An outcome group of table 3 (三（一）予以公开 … 三（六）其他处理) with its label from the edition. */
export interface OutcomeSeries {
  key: string
  label: Label
}

/**
 * The outcome groups of table 3: top-level outcome rows stand alone, grouped rows (不予公开 …)
 * are summed under their group. Labels from the 2021 edition; 2019's single 其他处理 row falls
 * under the same key.
 */
export function outcomeSeries(): OutcomeSeries[] {
  const series: OutcomeSeries[] = []
  for (const id of EDITION_IDS) {
    const table = getTable(getEdition(id), 'requests')
    for (const row of table.rows) {
      if (row.role !== 'outcome') continue
      const key = row.key.split('.')[0]!
      if (series.some((s) => s.key === key)) continue
      const group = table.groups.find((g) => g.key === key)
      series.push({ key, label: group?.label ?? row.label })
    }
  }
  return series
}

/** A row label without its trailing explanation, for a chart legend: （二）部分公开（区分处理的…） → （二）部分公开. */
export function shortLabel(label: string): string {
  return label.replace(/\s*[（(][^（）()]*[）)]$/, '') || label
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Σ of the `total` column under a node of table 3 sums: a row, a group of rows, or both at once
 * (sums over both editions hold 2019's 其他处理 row cells beside 2021's 其他处理 rows).
 */
function totalUnder(node: unknown): number {
  if (!isObject(node)) return 0
  let sum = Number(node.total ?? 0) || 0
  for (const child of Object.values(node)) if (isObject(child)) sum += totalUnder(child)
  return sum
}

export interface YearRequests {
  year: number
  /** Table 3 sums in the interchange shape (the stats endpoint's `requests`). */
  requests: Record<string, unknown>
  count?: number
}

/** Chart rows: one per year, a number per outcome group, plus `received`. */
export function outcomeChartData(years: readonly YearRequests[]): Record<string, number>[] {
  const series = outcomeSeries()
  return [...years]
    .sort((a, b) => a.year - b.year)
    .map(({ year, requests }) => {
      const row: Record<string, number> = { year, received: totalUnder(requests.received) }
      for (const s of series) row[s.key] = totalUnder(requests[s.key])
      return row
    })
}
