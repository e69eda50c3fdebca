import type { Endpoint } from 'payload'
import { agencySubtree, readableAgencies, sameId } from '../../collections/index.ts'
import type { ID, XxgkSlugs } from '../../collections/index.ts'
import { loadAgency, UNKNOWN_AGENCY } from '../agencies.ts'
import { errorResponse, LOGIN_REQUIRED } from '../errors.ts'
import type { FieldProblem } from '../errors.ts'
import { reportStats } from '../stats.ts'
import type { StatsFilter } from '../stats.ts'

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
    else
      problems.push({
        path: 'descendants',
        message: { zh: `descendants 应为 true 或 false，实际为“${descendants}”`, en: `descendants must be true or false, got “${descendants}”` },
      })
  }
  return { filter, problems }
}

/** GET /stats?year=&agency=&descendants=: table sums over the published reports the user may read. */
export function statsEndpoint(slugs: XxgkSlugs): Endpoint {
  return {
    path: '/stats',
    method: 'get',
    handler: async (req) => {
      if (!req.user) return errorResponse(401, [{ path: '', message: LOGIN_REQUIRED }])
      const { filter, problems } = parseStatsQuery(new URL(req.url ?? 'http://x/'))
      if (problems.length) return errorResponse(400, problems)
      const readable = await readableAgencies(req, slugs)
      let agencies: ID[] | undefined = readable === true ? undefined : readable
      if (filter.agency !== undefined) {
        const agency = await loadAgency(req, slugs, filter.agency)
        if (!agency) return errorResponse(404, [{ path: 'agency', message: UNKNOWN_AGENCY(filter.agency) }])
        if (readable !== true && !readable.some((id) => sameId(id, agency.id))) {
          return errorResponse(403, [{ path: 'agency', message: { zh: '无权查看该机关的报告', en: "you may not read this agency's reports" } }])
        }
        const requested = filter.descendants ? await agencySubtree(req, slugs, agency.id) : [agency.id]
        agencies = readable === true ? requested : requested.filter((id) => readable.some((r) => sameId(r, id)))
      }
      const stats = await reportStats(req, slugs, { year: filter.year, agencies })
      return Response.json(stats)
    },
  }
}
