/**
 * The public disclosure pages of the host app (issue 10), outside /admin, read as the public
 * reads: the Local API with access control and no user, so only published reports (and their
 * published content) appear. An agency links `/disclosure/<agency id>` from its 政府信息公开专栏.
 *
 * - `/disclosure`: every agency with published reports, and their years
 * - `/disclosure/<agency>`: one agency's published reports, newest year first
 * - `/disclosure/<agency>/<year>`: the report in the official layout (print CSS for A4)
 */
import type { CollectionSlug, Payload } from 'payload'
import { escapeHtml, renderReportHtml } from '@xxgk/schema/render'
import { reportToInterchange } from 'xxgk'

export interface PublicPage {
  status: number
  html: string
}

type Json = Record<string, unknown>
const REPORTS = 'reports' as CollectionSlug
const AGENCIES = 'agencies' as CollectionSlug
const PUBLIC = { overrideAccess: false, user: null, depth: 0, pagination: false } as const

const PAGE_CSS = `
body { font-family: "Noto Serif CJK SC", "SimSun", serif; max-width: 960px; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.7; }
a { color: #0b4f9c; } h1 { font-size: 1.5rem; } ul { padding-left: 1.2rem; } li { margin: .2rem 0; }
nav { font-size: .9rem; margin-bottom: 1rem; } .years a { margin-right: .8rem; }
@media print { nav, .noprint { display: none; } body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`

function page(title: string, body: string, status = 200): PublicPage {
  return {
    status,
    html: `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${PAGE_CSS}</style></head><body>${body}</body></html>\n`,
  }
}

const notFound = () =>
  page('未找到 / Not found', '<nav><a href="/disclosure">政府信息公开工作年度报告</a></nav><h1>没有这份已发布的报告 / No such published report</h1>', 404)

const isId = (value: string) => /^[A-Za-z0-9_-]{1,64}$/.test(value)
const idValue = (payload: Payload, value: string) => (payload.db.defaultIDType === 'number' ? Number(value) : value)

async function publishedReports(payload: Payload, where: Json) {
  const { docs } = await payload.find({
    collection: REPORTS,
    ...PUBLIC,
    where: where as never,
    select: { agency: true, year: true, title: true } as never,
    sort: '-year',
  })
  return docs as unknown as Json[]
}

export async function disclosureIndex(payload: Payload): Promise<PublicPage> {
  const reports = await publishedReports(payload, {})
  const byAgency = new Map<string, number[]>()
  for (const r of reports) {
    const key = String(r.agency)
    byAgency.set(key, [...(byAgency.get(key) ?? []), Number(r.year)])
  }
  const { docs } = await payload.find({
    collection: AGENCIES,
    ...PUBLIC,
    where: { id: { in: [...byAgency.keys()].map((k) => idValue(payload, k)) } } as never,
    select: { name: true } as never,
  })
  const agencies = (docs as unknown as Json[]).sort((a, b) => String(a.name).localeCompare(String(b.name), 'zh-Hans-CN'))
  const items = agencies.map((a) => {
    const years = byAgency.get(String(a.id)) ?? []
    const links = years.map((y) => `<a href="/disclosure/${encodeURIComponent(String(a.id))}/${y}">${y}</a>`).join('')
    return `<li data-agency="${escapeHtml(String(a.id))}"><a href="/disclosure/${encodeURIComponent(String(a.id))}">${escapeHtml(String(a.name))}</a> <span class="years">${links}</span></li>`
  })
  return page('政府信息公开工作年度报告', `<h1>政府信息公开工作年度报告</h1>${items.length ? `<ul>${items.join('')}</ul>` : '<p>尚无已发布的报告。</p>'}`)
}

export async function agencyIndex(payload: Payload, agencyParam: string): Promise<PublicPage> {
  if (!isId(agencyParam)) return notFound()
  const { docs } = await payload.find({ collection: AGENCIES, ...PUBLIC, where: { id: { equals: idValue(payload, agencyParam) } } as never, limit: 1 })
  const agency = docs[0] as unknown as Json | undefined
  if (!agency) return notFound()
  const reports = await publishedReports(payload, { agency: { equals: agency.id } })
  const name = String(agency.name)
  const items = reports.map(
    (r) =>
      `<li data-year="${Number(r.year)}"><a href="/disclosure/${encodeURIComponent(String(agency.id))}/${Number(r.year)}">${escapeHtml(String(r.title ?? `${name}${r.year}年政府信息公开工作年度报告`))}</a></li>`,
  )
  return page(
    `${name} 政府信息公开工作年度报告`,
    `<nav><a href="/disclosure">政府信息公开工作年度报告</a></nav><h1>${escapeHtml(name)} 政府信息公开工作年度报告</h1>${items.length ? `<ul>${items.join('')}</ul>` : '<p>尚无已发布的报告。</p>'}`,
  )
}

export async function reportPage(payload: Payload, agencyParam: string, yearParam: string): Promise<PublicPage> {
  const year = Number(yearParam)
  if (!isId(agencyParam) || !Number.isSafeInteger(year)) return notFound()
  const { docs } = await payload.find({
    collection: REPORTS,
    ...PUBLIC,
    depth: 1,
    where: { and: [{ agency: { equals: idValue(payload, agencyParam) } }, { year: { equals: year } }] } as never,
    limit: 1,
  })
  const doc = docs[0] as unknown as Json | undefined
  if (!doc) return notFound()
  const html = renderReportHtml(reportToInterchange(doc), { mode: 'fragment' })
  const agency = doc.agency as Json
  const title = String(doc.title ?? '')
  return page(
    title,
    `<nav><a href="/disclosure">政府信息公开工作年度报告</a> › <a href="/disclosure/${encodeURIComponent(String(agency?.id ?? agencyParam))}">${escapeHtml(String(agency?.name ?? ''))}</a> <a class="noprint" href="/api/reports/${encodeURIComponent(String(doc.id))}/export?format=html">打印版</a></nav>${html}`,
  )
}

export const htmlResponse = (p: PublicPage) =>
  new Response(p.html, { status: p.status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=60' } })
