/**
 * `GET /api/<reports>/:id/export?format=html|xlsx|json|txt[&lang=en][&draft=true]`: one stored
 * report in an export format (src/render `exportReport`), readable exactly when the report is
 * (the same query with the user's access). The published version by default; `draft=true`
 * exports the newest saved version, what the edit view shows.
 */
import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'
import { EXPORT_FORMATS, exportReport, isExportFormat } from '../../src/render'
import type { Label } from '../../src'
import { isPlausibleId, loadAgency, normaliseId } from '../agencies'
import type { XxgkSlugs } from '../../collections'
import { bilingual } from '../errors'
import { reportToInterchange } from '../interchange'

type Json = Record<string, unknown>

const NAMES: Record<number, string> = { 400: 'ValidationError', 401: 'UnauthorizedError', 404: 'NotFound' }

/** A 4xx in Payload's error shape, naming the parameter at fault in both languages. */
function problem(status: number, path: string, message: Label): Response {
  const error = { path, message: bilingual(message, path), zh: message.zh, en: message.en }
  return Response.json({ errors: [{ name: NAMES[status], message: error.message, data: { errors: [error] } }] }, { status })
}

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
        return problem(400, 'format', {
          zh: `未知的导出格式“${format}”，应为 ${EXPORT_FORMATS.join('、')}`,
          en: `unknown export format “${format}”: expected ${EXPORT_FORMATS.join(', ')}`,
        })
      }
      const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'zh'
      if (!req.user) return problem(401, '', { zh: '请先登录', en: 'You must be logged in' })
      const id = req.routeParams?.id
      const notFound = problem(404, 'id', { zh: `没有这份报告：${String(id)}`, en: `no such report: ${String(id)}` })
      if (!isPlausibleId(req.payload, id)) return notFound
      const { docs } = await req.payload.find({
        collection: slugs.reports as CollectionSlug,
        where: { id: { equals: normaliseId(req.payload, id) } },
        depth: 0,
        draft: url.searchParams.get('draft') === 'true',
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
