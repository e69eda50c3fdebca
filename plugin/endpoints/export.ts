/**
 * `GET /api/<reports>/:id/export?format=html|xlsx|json|txt[&lang=en][&draft=true]`: one stored
 * report in an export format (src/render `exportReport`), readable exactly when the report is
 * (the same query with the user's access; the public reads published reports only). The published
 * version by default; `draft=true` (signed-in users) exports the newest saved version, what the edit view shows.
 */
import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'
import { EXPORT_FORMATS, exportReport, isExportFormat } from '@xxgk/schema/render'
import { isPlausibleId, loadAgency, normaliseId } from '../agencies.ts'
import type { XxgkSlugs } from '../../collections/index.ts'
import { errorResponse } from '../errors.ts'
import { reportToInterchange } from '../interchange.ts'

type Json = Record<string, unknown>

/** `attachment` with the UTF-8 name (RFC 6266/5987) and an ASCII fallback for old clients. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

function relationId(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value
}

export function exportEndpoint(slugs: XxgkSlugs): Endpoint {
  return {
    path: '/:id/export',
    method: 'get',
    handler: async (req: PayloadRequest) => {
      const url = new URL(req.url ?? 'http://localhost/')
      const format = url.searchParams.get('format') ?? 'html'
      if (!isExportFormat(format)) {
        return errorResponse(400, [
          {
            path: 'format',
            message: {
              zh: `未知的导出格式“${format}”，应为 ${EXPORT_FORMATS.join('、')}`,
              en: `unknown export format “${format}”: expected ${EXPORT_FORMATS.join(', ')}`,
            },
          },
        ])
      }
      const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh'
      // the public exports published reports (the reports' read access gives it nothing else)
      const id = req.routeParams?.id
      const notFound = errorResponse(404, [{ path: 'id', message: { zh: `没有这份报告：${String(id)}`, en: `no such report: ${String(id)}` } }])
      if (!isPlausibleId(req.payload, id)) return notFound
      const { docs } = await req.payload.find({
        collection: slugs.reports as CollectionSlug,
        where: { id: { equals: normaliseId(req.payload, id) } },
        depth: 0,
        draft: Boolean(req.user) && url.searchParams.get('draft') === 'true',
        limit: 1,
        pagination: false,
        overrideAccess: false,
        user: req.user,
        req,
      })
      const doc = docs[0] as Json | undefined
      if (!doc) return notFound
      const agency = await loadAgency(req, slugs, relationId(doc.agency))
      const result = await exportReport(reportToInterchange(doc, agency?.name ?? null), format, { lang })
      return new Response(result.body, {
        status: 200,
        headers: {
          'Content-Type': result.contentType,
          'Content-Disposition': contentDisposition(result.filename),
          'Cache-Control': 'private, no-store',
          'X-Content-Type-Options': 'nosniff',
        },
      })
    },
  }
}
