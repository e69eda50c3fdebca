import type { Endpoint, PayloadRequest } from 'payload'
import { agencySubtree, readableAgencies, sameId } from '../collections'
import type { ID, XxgkSlugs } from '../collections'
import { fillBlankTotals, validateReport } from '../src'
import type { ValidationContext } from '../src'
import { isPlausibleId, loadAgency, normaliseId, UNKNOWN_AGENCY } from './agencies'
import { assessReport, isNotAReport } from './assess'
import { bilingual } from './errors'
import type { FieldProblem } from './errors'
import { exportEndpoint } from './admin/export-endpoint'
import { reportStats } from './stats'
import type { StatsFilter } from './stats'

type Json = Record<string, unknown>

/** A 4xx in Payload's error shape: `{ errors: [{ name, message, data: { errors: [{ path, message }] } }] }`. */
function fail(status: number, problems: FieldProblem[]): Response {
  const errors = problems.map((p) => ({ path: p.path, message: bilingual(p.message, p.path), zh: p.message.zh, en: p.message.en }))
  const name = status === 400 ? 'ValidationError' : status === 401 ? 'UnauthorizedError' : status === 403 ? 'Forbidden' : 'NotFound'
  return Response.json({ errors: [{ name, message: errors.map((e) => e.message).join('; '), data: { errors } }] }, { status })
}

const LOGIN_REQUIRED = () =>
  fail(401, [{ path: '', message: { zh: '请先登录', en: 'You must be logged in' } }])

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

async function readJson(req: PayloadRequest): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  let text = ''
  try {
    text = req.text ? await req.text() : JSON.stringify(req.data ?? null)
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      response: fail(400, [{ path: '', message: { zh: `请求体不是合法的 JSON：${reason}`, en: `the request body is not valid JSON: ${reason}` } }]),
    }
  }
}

/** POST /validate: a dry run of saving a report (blank totals filled, `?fill=false` to skip); nothing is stored. */
function validateEndpoint(): Endpoint {
  return {
    path: '/validate',
    method: 'post',
    handler: async (req) => {
      if (!req.user) return LOGIN_REQUIRED()
      const body = await readJson(req)
      if (!body.ok) return body.response
      const input = body.value
      const wrapped = isObject(input) && !('edition' in input) && 'report' in input
      const report = wrapped ? input.report : input
      const previous = wrapped ? input.previous : undefined
      const context = wrapped && isObject(input.context) ? input.context : undefined
      const fill = new URL(req.url ?? 'http://x/').searchParams.get('fill') !== 'false'
      try {
        const { report: filledReport, filled } = fill ? fillBlankTotals(report) : { report, filled: [] }
        const result = validateReport(filledReport, { previous, context: context as ValidationContext | undefined })
        return Response.json({ issues: result.issues, errors: result.errors, warnings: result.warnings, filled })
      } catch (error) {
        if (!isNotAReport(error)) throw error
        const path = wrapped && !error.path.startsWith('previous') ? `report${error.path ? `.${error.path}` : ''}` : error.path
        return fail(400, [{ path, message: error.reason }])
      }
    },
  }
}

/** GET /:id/issues: the stored report's issues, recomputed against today's stored data. */
function issuesEndpoint(slugs: XxgkSlugs): Endpoint {
  return {
    path: '/:id/issues',
    method: 'get',
    handler: async (req) => {
      if (!req.user) return LOGIN_REQUIRED()
      const id = req.routeParams?.id
      const notFound = fail(404, [{ path: 'id', message: { zh: `没有这份报告：${String(id)}`, en: `no such report: ${String(id)}` } }])
      if (!isPlausibleId(req.payload, id)) return notFound
      const { docs } = await req.payload.find({
        collection: slugs.reports,
        where: { id: { equals: normaliseId(req.payload, id) } },
        depth: 0,
        draft: true,
        limit: 1,
        overrideAccess: false,
        user: req.user,
        req,
      })
      const doc = docs[0] as Json | undefined
      if (!doc) return notFound
      const { result } = await assessReport(req, slugs, doc, { selfId: doc.id as ID })
      return Response.json({ id: doc.id, issues: result.issues, errors: result.errors, warnings: result.warnings })
    },
  }
}

function parseStatsQuery(url: URL): { filter: StatsFilter & { agency?: string; descendants: boolean }; problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const filter: StatsFilter & { agency?: string; descendants: boolean } = { descendants: false }
  const year = url.searchParams.get('year')
  if (year !== null) {
    if (/^\d{4}$/.test(year.trim())) filter.year = Number(year)
    else problems.push({ path: 'year', message: { zh: `year 应为四位年份，实际为“${year}”`, en: `year must be a four-digit year, got “${year}”` } })
  }
  const agency = url.searchParams.get('agency')
  if (agency !== null) filter.agency = agency.trim()
  const descendants = url.searchParams.get('descendants')
  if (descendants !== null) {
    if (['true', '1', 'false', '0', ''].includes(descendants)) filter.descendants = descendants === 'true' || descendants === '1'
    else problems.push({ path: 'descendants', message: { zh: `descendants 应为 true 或 false，实际为“${descendants}”`, en: `descendants must be true or false, got “${descendants}”` } })
  }
  return { filter, problems }
}

/** GET /stats?year=&agency=&descendants=: table sums over the published reports the user may read. */
function statsEndpoint(slugs: XxgkSlugs): Endpoint {
  return {
    path: '/stats',
    method: 'get',
    handler: async (req) => {
      if (!req.user) return LOGIN_REQUIRED()
      const { filter, problems } = parseStatsQuery(new URL(req.url ?? 'http://x/'))
      if (problems.length) return fail(400, problems)
      const readable = await readableAgencies(req, slugs)
      let agencies: ID[] | undefined = readable === true ? undefined : readable
      if (filter.agency !== undefined) {
        const agency = await loadAgency(req, slugs, filter.agency)
        if (!agency) return fail(404, [{ path: 'agency', message: UNKNOWN_AGENCY(filter.agency) }])
        if (readable !== true && !readable.some((id) => sameId(id, agency.id))) {
          return fail(403, [{ path: 'agency', message: { zh: '无权查看该机关的报告', en: "you may not read this agency's reports" } }])
        }
        const requested = filter.descendants ? await agencySubtree(req, slugs, agency.id) : [agency.id]
        agencies = readable === true ? requested : requested.filter((id) => readable.some((r) => sameId(r, id)))
      }
      const stats = await reportStats(req, slugs, { year: filter.year, agencies })
      return Response.json(stats)
    },
  }
}

export function reportEndpoints(slugs: XxgkSlugs): Endpoint[] {
  // before Payload's own `/:id` routes, so `/stats` is not read as an id
  return [validateEndpoint(), statsEndpoint(slugs), issuesEndpoint(slugs), exportEndpoint(slugs)]
}
