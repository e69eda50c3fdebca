/**
 * `GET /api/<reports>/:id/compare[?format=xlsx][&lang=en]`: every cell of the report beside the
 * same agency's report of the year before → `{ id, year, edition, previous: { id, year } | null,
 * cells: [{ path, current, previous, change }], findings: [cross-year rule issues] }`.
 * Signed-in users compare the newest versions (drafts included) of what they may read; the
 * public compares published reports, without the rules' findings.
 */
import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'
import { compareCells, validateReport } from '@xxgk/schema'
import type { Issue, TableKey } from '@xxgk/schema'
import { comparisonWorkbook, XLSX_CONTENT_TYPE } from '@xxgk/schema/render'
import { readableAgencies, relationId, roleOf } from '../../collections/index.ts'
import type { ID, XxgkSlugs } from '../../collections/index.ts'
import { isPlausibleId, loadAgency, normaliseId } from '../agencies.ts'
import { errorResponse } from '../errors.ts'
import { reportToInterchange } from '../interchange.ts'
import { readReportCells } from '../newest-versions.ts'
import { contentDisposition } from './export.ts'

type Json = Record<string, unknown>

/** Cross-year rules (X.CARRY, X.IN_FORCE): the findings the comparison shows on their cells. */
export const isCrossYear = (issue: Pick<Issue, 'rule'>) => issue.rule.startsWith('X.')

export async function compareReport(req: PayloadRequest, slugs: XxgkSlugs, id: unknown) {
  if (!isPlausibleId(req.payload, id)) return null
  // read at the database level (a comparison reads only cells): Payload's find pipeline shapes all
  // 290 fields of a report and runs the read access query, several times the cost of the rest.
  // The scope is the reports' read access: signed-in users the newest versions of their
  // readable agencies' reports, the public the published documents.
  const role = roleOf(req, slugs)
  const scope = role ? await readableAgencies(req, slugs) : null
  const readable = (doc: Json | undefined) =>
    Boolean(doc) && (scope === true || (scope === null ? doc!._status === 'published' : scope.some((a) => String(a) === String(relationId(doc!.agency)))))
  const read = async (where: { id?: ID; agency?: ID; year?: number }): Promise<Json | undefined> => {
    // one SQL query on SQL databases
    const row = await readReportCells(req, slugs, { newest: scope !== null, ...where })
    if (row !== undefined) return readable(row ?? undefined) ? (row as Json) : undefined
    if (scope !== null) {
      const versionWhere =
        where.id !== undefined ? { parent: { equals: where.id } } : { 'version.agency': { equals: where.agency }, 'version.year': { equals: where.year } }
      const { docs } = await req.payload.db.queryDrafts({
        collection: slugs.reports as CollectionSlug,
        where: versionWhere as never,
        limit: 1,
        pagination: false,
        req,
      })
      const doc = docs[0] as Json | undefined
      return readable(doc) ? doc : undefined
    }
    const { docs } = await req.payload.db.find({
      collection: slugs.reports as CollectionSlug,
      where: {
        and: [
          where.id !== undefined ? { id: { equals: where.id } } : { agency: { equals: where.agency } },
          ...(where.year !== undefined ? [{ year: { equals: where.year } }] : []),
          { _status: { equals: 'published' } },
        ],
      } as never,
      limit: 1,
      pagination: false,
      req,
    })
    return (docs[0] as Json | undefined) ?? undefined
  }
  const doc = await read({ id: normaliseId(req.payload, id as ID) })
  if (!doc) return null
  const agencyId = relationId(doc.agency)
  const year = Number(doc.year)
  const [previousDoc, agency] = await Promise.all([
    agencyId === null ? undefined : read({ agency: agencyId, year: year - 1 }),
    loadAgency(req, slugs, agencyId),
  ])
  const current = reportToInterchange(doc, agency?.name ?? null)
  const previous = previousDoc ? reportToInterchange(previousDoc, agency?.name ?? null) : null
  let findings: Issue[] = []
  // the rules' findings are for signed-in users only, like the stored issues
  if (previous && req.user) {
    try {
      findings = validateReport(current, { previous, context: { agencyKind: agency?.kind, agencyLevel: agency?.level } as never }).issues.filter(isCrossYear)
    } catch {
      findings = [] // a stored report that is not a report: no cross-year findings
    }
  }
  return {
    id: doc.id,
    year,
    edition: current.edition,
    agency: agency ? { id: agency.id, name: agency.name } : null,
    previous: previousDoc ? { id: previousDoc.id, year: Number(previousDoc.year), edition: previous!.edition } : null,
    cells: compareCells(current, previous).map(({ table: _table, ...cell }) => cell),
    findings,
  }
}

export function compareEndpoint(slugs: XxgkSlugs): Endpoint {
  return {
    path: '/:id/compare',
    method: 'get',
    handler: async (req) => {
      const id = req.routeParams?.id
      const url = new URL(req.url ?? 'http://localhost/')
      const comparison = await compareReport(req, slugs, id)
      if (!comparison) return errorResponse(404, [{ path: 'id', message: { zh: `没有这份报告：${String(id)}`, en: `no such report: ${String(id)}` } }])
      if (url.searchParams.get('format') !== 'xlsx') return Response.json(comparison, { headers: { 'Cache-Control': 'private, no-store' } })
      const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh'
      const findings: Record<string, string> = {}
      for (const issue of comparison.findings) findings[issue.path] = [findings[issue.path], issue.message[lang]].filter(Boolean).join('；')
      const body = await comparisonWorkbook(
        {
          edition: comparison.edition,
          year: comparison.year,
          previousYear: comparison.previous?.year ?? null,
          cells: comparison.cells.map((c) => ({ ...c, table: c.path.split('.')[0] as TableKey })),
          findings,
        },
        lang,
      )
      const name = `${comparison.agency?.name ?? 'report'}${comparison.year}-对比上年.xlsx`
      return new Response(body as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: { 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': contentDisposition(name), 'Cache-Control': 'private, no-store' },
      })
    },
  }
}
