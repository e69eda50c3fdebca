import type { Endpoint, PayloadRequest } from 'payload'
import { EDITIONS_NEWEST_FIRST, relationId } from '../../collections/index.ts'
import type { XxgkSlugs } from '../../collections/index.ts'
import { editionIndex, isEditionId } from '@xxgk/schema'
import type { EditionId, Label } from '@xxgk/schema'
import { isPlausibleId, normaliseId } from '../agencies.ts'
import { errorResponse, LOGIN_REQUIRED } from '../errors.ts'
import type { FieldProblem } from '../errors.ts'
import { COMPUTED_FIELD } from '../hooks.ts'
import { getPath, setPath } from '../interchange.ts'
import type { Json } from './request.ts'

/** What a new year's report takes from last year's: cell of this year ← cell of last year. */
export interface CarriedCell {
  path: string
  from: string
}

/**
 * The cells a report carries from the same agency's report of the year before, in `edition`:
 * 二、上年结转 from 四、结转下年度继续办理 (every column), and table 2's 现行有效件数 (2021
 * edition, from a 2021 report) as the starting point that X.IN_FORCE then follows. Never the
 * narrative: each year's text is written anew.
 */
export function carriedCells(edition: EditionId, previousEdition: EditionId): CarriedCell[] {
  const here = editionIndex(edition).byPath
  const there = editionIndex(previousEdition).byPath
  const cells: CarriedCell[] = []
  for (const cell of editionIndex(edition).cells) {
    const [table, row, column] = cell.keys
    if (table === 'requests' && row === 'carriedOver') cells.push({ path: cell.path, from: `requests.carriedForward.${column}` })
    if (table === 'proactive' && column === 'inForce') cells.push({ path: cell.path, from: cell.path })
  }
  return cells.filter((c) => here.has(c.path) && there.has(c.from))
}

/** The draft body of the next year's report, from a stored report (interchange keys). */
export function nextYearData(source: Json, edition: EditionId): Json {
  const previousEdition: EditionId = isEditionId(source.edition) ? source.edition : edition
  const data: Json = {
    agency: relationId(source.agency),
    year: (source.year as number) + 1,
    edition,
    _status: 'draft',
  }
  const computed: string[] = []
  for (const { path, from } of carriedCells(edition, previousEdition)) {
    const value = getPath(source, from.split('.'))
    if (typeof value !== 'number') continue
    setPath(data, path.split('.'), value)
    computed.push(path)
  }
  // the carried cells follow last year's report until the editor types over them
  data[COMPUTED_FIELD] = computed
  return data
}

const NOT_FOUND = (id: unknown): Label => ({ zh: `没有这份报告：${String(id)}`, en: `no such report: ${String(id)}` })
const EXISTS = (year: number, id: unknown): Label => ({
  zh: `该机关 ${year} 年度的报告已存在（id ${String(id)}）`,
  en: `the agency already has a report for ${year} (id ${String(id)})`,
})
const FORBIDDEN: Label = { zh: '无权为该机关新建报告', en: 'you may not create reports for this agency' }

function failure(error: unknown): Response {
  const e = error as { status?: number; data?: { errors?: { path?: string; message?: string }[] }; message?: string }
  const status = typeof e?.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 500
  if (status === 500) throw error
  if (status === 403) return errorResponse(403, [{ path: '', message: FORBIDDEN }])
  const problems: FieldProblem[] = (e.data?.errors ?? []).map((p) => ({ path: p.path ?? '', message: { zh: p.message ?? '', en: p.message ?? '' } }))
  return errorResponse(status, problems.length ? problems : [{ path: '', message: { zh: e.message ?? '', en: e.message ?? '' } }])
}

/**
 * POST /:id/next-year: a draft for the year after the report's, same agency, in the current
 * edition, with last year's carried cells (see `carriedCells`) and nothing else. 201 with the
 * new document; 409 with `existing` when that year's report exists; the create access decides
 * who may (an editor for its own agency).
 */
export function nextYearEndpoint(slugs: XxgkSlugs): Endpoint {
  return {
    path: '/:id/next-year',
    method: 'post',
    handler: async (req: PayloadRequest) => {
      if (!req.user) return errorResponse(401, [{ path: '', message: LOGIN_REQUIRED }])
      const id = req.routeParams?.id
      if (!isPlausibleId(req.payload, id)) return errorResponse(404, [{ path: 'id', message: NOT_FOUND(id) }])
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
      const source = docs[0] as Json | undefined
      if (!source || typeof source.year !== 'number') return errorResponse(404, [{ path: 'id', message: NOT_FOUND(id) }])
      const year = source.year + 1
      const agency = relationId(source.agency)
      const existing = await req.payload.find({
        collection: slugs.reports,
        where: { and: [{ agency: { equals: agency } }, { year: { equals: year } }] },
        depth: 0,
        limit: 1,
        select: { title: true },
        req,
      })
      if (existing.docs[0]) {
        return errorResponse(409, [{ path: 'year', message: EXISTS(year, existing.docs[0].id) }], { existing: existing.docs[0].id })
      }
      try {
        const doc = await req.payload.create({
          collection: slugs.reports,
          data: nextYearData(source, EDITIONS_NEWEST_FIRST[0]!) as never,
          draft: true,
          depth: 0,
          overrideAccess: false,
          user: req.user,
          req,
        })
        return Response.json({ doc, message: String((doc as unknown as Json).title ?? '') }, { status: 201 })
      } catch (error) {
        return failure(error)
      }
    },
  }
}
