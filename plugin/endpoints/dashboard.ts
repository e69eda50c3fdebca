/**
 * `GET /api/<reports>/dashboard?year=2023`: the supervisor's dashboard data (plugin/dashboard-data.ts)
 * as JSON — admins and supervisors only.
 * `GET /api/<reports>/followup?year=2023[&format=json]`: the year's follow-up list as a workbook:
 * agency, state, review state, errors, warnings, open comments, due date.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { listWorkbook, XLSX_CONTENT_TYPE } from '@xxgk/schema/render'
import { roleOf } from '../../collections/index.ts'
import type { XxgkSlugs } from '../../collections/index.ts'
import { REVIEW_STATE_LABELS, isReviewState } from '../../collections/reports/review.ts'
import { chinaDate } from '../admin/dashboard/model.ts'
import type { ReportState } from '../admin/dashboard/model.ts'
import { dashboardData } from '../dashboard-data.ts'
import type { DashboardData } from '../dashboard-data.ts'
import { errorResponse, LOGIN_REQUIRED } from '../errors.ts'
import { contentDisposition } from './export.ts'

const STATE_LABELS: Record<ReportState, { zh: string; en: string }> = {
  published: { zh: '已按时发布', en: 'Published on time' },
  publishedLate: { zh: '逾期发布', en: 'Published late' },
  draftWithErrors: { zh: '草稿有错误', en: 'Draft with errors' },
  draft: { zh: '草稿', en: 'Draft' },
  missing: { zh: '尚未填报', en: 'No report yet' },
  overdue: { zh: '逾期未发布', en: 'Overdue' },
}

async function guarded(req: PayloadRequest, slugs: XxgkSlugs, options: { rollup?: boolean } = {}): Promise<{ data: DashboardData } | Response> {
  if (!req.user) return errorResponse(401, [{ path: '', message: LOGIN_REQUIRED }])
  const role = roleOf(req, slugs)
  if (role !== 'admin' && role !== 'supervisor')
    return errorResponse(403, [{ path: '', message: { zh: '只有管理员和监督人员可以查看', en: 'Only administrators and supervisors can see this' } }])
  const url = new URL(req.url ?? 'http://localhost/')
  const requested = Number(url.searchParams.get('year'))
  const year = Number.isSafeInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : Number(chinaDate(new Date())!.slice(0, 4)) - 1
  return { data: await dashboardData(req, slugs, { year, rollup: options.rollup }) }
}

export function dashboardEndpoint(slugs: XxgkSlugs): Endpoint {
  return {
    path: '/dashboard',
    method: 'get',
    handler: async (req) => {
      const result = await guarded(req, slugs, { rollup: true })
      return result instanceof Response ? result : Response.json(result.data, { headers: { 'Cache-Control': 'private, no-store' } })
    },
  }
}

export async function followupWorkbook(data: DashboardData, lang: 'zh' | 'en' = 'zh'): Promise<Uint8Array> {
  const zh = lang === 'zh'
  const marked = new Set<number>()
  const rows = data.rows.map((row, i) => {
    if (row.state === 'overdue' || row.state === 'draftWithErrors' || (row.report?.openComments ?? 0) > 0) marked.add(i)
    const review = row.report?.reviewStatus
    return [
      `${'　'.repeat(row.depth)}${row.agency.name}`,
      STATE_LABELS[row.state][lang],
      row.report ? (isReviewState(review) ? REVIEW_STATE_LABELS[review][lang] : (review ?? '')) : '',
      row.report?.errorCount ?? null,
      row.report?.warningCount ?? null,
      row.report ? (row.report.openComments ?? 0) : null,
      row.due,
      row.report?.publishedAt ? String(row.report.publishedAt).slice(0, 10) : null,
    ]
  })
  return listWorkbook([
    {
      name: zh ? `${data.year}年度跟进清单` : `Follow-up ${data.year}`,
      columns: [
        { header: zh ? '机关' : 'Agency', width: 40 },
        { header: zh ? '状态' : 'State', width: 14 },
        { header: zh ? '审核状态' : 'Review', width: 12 },
        { header: zh ? '错误' : 'Errors', width: 8 },
        { header: zh ? '提示' : 'Warnings', width: 8 },
        { header: zh ? '待处理意见' : 'Open comments', width: 12 },
        { header: zh ? '公布期限' : 'Due', width: 12 },
        { header: zh ? '公布日期' : 'Published', width: 12 },
      ],
      rows,
      marked,
    },
  ])
}

export function followupEndpoint(slugs: XxgkSlugs): Endpoint {
  return {
    path: '/followup',
    method: 'get',
    handler: async (req) => {
      const result = await guarded(req, slugs)
      if (result instanceof Response) return result
      const url = new URL(req.url ?? 'http://localhost/')
      const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh'
      const body = await followupWorkbook(result.data, lang)
      return new Response(body as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: {
          'Content-Type': XLSX_CONTENT_TYPE,
          'Content-Disposition': contentDisposition(lang === 'zh' ? `${result.data.year}年度年报跟进清单.xlsx` : `followup-${result.data.year}.xlsx`),
          'Cache-Control': 'private, no-store',
        },
      })
    },
  }
}
