'use client'
import { useAllFormFields, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useEffect, useMemo, useState } from 'react'
import { editionOr, NARRATIVE_KEYS } from '@xxgk/schema'
import type { Report } from '@xxgk/schema'
import { formReport, liveCheck } from './grid/live.ts'
import { MEASURES, measureSince } from './perf.ts'
import type { LiveCheck } from './grid/live.ts'
import { adminLang, translate } from './translations.ts'
import type { AdminLang, XxgkTranslationKey } from './translations.ts'

/** Collection slugs the components talk to (the plugin passes its own when they differ). */
export interface AdminSlugs {
  reports: string
  agencies: string
}

export const DEFAULT_ADMIN_SLUGS: AdminSlugs = { reports: 'reports', agencies: 'agencies' }

export function useAdminLang(): AdminLang {
  const { i18n } = useTranslation()
  return adminLang(i18n?.language)
}

/** `t` for the plugin's keys; falls back to the built-in texts when the host did not merge them. */
export function useXxgkT(): { t: (key: XxgkTranslationKey, vars?: Record<string, string | number>) => string; lang: AdminLang } {
  const { i18n, t } = useTranslation()
  const lang = adminLang(i18n?.language)
  return useMemo(
    () => ({
      lang,
      t: (key, vars = {}) => {
        const text = (t as (k: string, v?: Record<string, unknown>) => string)(`xxgk:${key}`, vars)
        return !text || text === key || text === `xxgk:${key}` ? translate(lang, key, vars) : text
      },
    }),
    [lang, t],
  )
}

/** `/api` (or the configured API route) on the configured server. */
export function useApiUrl(): string {
  const { config } = useConfig()
  return `${config.serverURL ?? ''}${config.routes?.api ?? '/api'}`
}

/** The id of a relationship value as the form holds it (an id, a populated doc, or `{ relationTo, value }`). */
export function relationId(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (typeof value === 'object') {
    const v = value as { id?: unknown; value?: unknown }
    if (v.value !== undefined) return relationId(v.value)
    if (v.id !== undefined) return relationId(v.id)
  }
  return null
}

const fetchCache = new Map<string, Promise<unknown>>()

/** GET JSON with the admin's session cookie; each URL once per page (null on any failure). */
function fetchJson(url: string): Promise<unknown> {
  let pending = fetchCache.get(url)
  if (!pending) {
    pending = fetch(url, { credentials: 'include', headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null)
    fetchCache.set(url, pending)
  }
  return pending
}

function useFetched<T>(url: string | null, pick: (data: unknown) => T | null): { loading: boolean; data: T | null } {
  const [state, setState] = useState<{ url: string | null; data: T | null }>({ url: null, data: null })
  useEffect(() => {
    if (!url) return
    let live = true
    void fetchJson(url).then((data) => {
      if (live) setState({ url, data: pick(data) })
    })
    return () => {
      live = false
    }
    // pick is a pure selector; the URL decides what is fetched
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url])
  return { loading: url !== null && state.url !== url, data: state.url === url ? state.data : null }
}

export interface AgencyInfo {
  id: string
  name: string
  kind?: string | null
  level?: string | null
}

export function useAgency(slugs: AdminSlugs, agencyId: string | null): AgencyInfo | null {
  const api = useApiUrl()
  const url = agencyId ? `${api}/${slugs.agencies}/${encodeURIComponent(agencyId)}?depth=0` : null
  return useFetched(url, (data) => {
    const doc = data as { id?: unknown; name?: unknown; kind?: unknown; level?: unknown } | null
    if (!doc || doc.id === undefined) return null
    return { id: String(doc.id), name: String(doc.name ?? ''), kind: (doc.kind as string) ?? null, level: (doc.level as string) ?? null }
  }).data
}

export interface PreviousReport {
  id: string
  title: string
  year: number
  report: Report
}

function getPath(root: unknown, path: string): unknown {
  let node = root
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

/** The same agency's stored report of the year before, as interchange JSON under `agencyKey`. */
export function usePreviousReport(
  slugs: AdminSlugs,
  agencyId: string | null,
  year: unknown,
  agencyKey: string,
): { loading: boolean; previous: PreviousReport | null; year: number | null } {
  const api = useApiUrl()
  const previousYear = typeof year === 'number' && Number.isSafeInteger(year) ? year - 1 : null
  const url =
    agencyId && previousYear !== null
      ? `${api}/${slugs.reports}?where[agency][equals]=${encodeURIComponent(agencyId)}&where[year][equals]=${previousYear}&depth=0&limit=1`
      : null
  const { loading, data } = useFetched(url, (data) => {
    const doc = (data as { docs?: Record<string, unknown>[] } | null)?.docs?.[0]
    if (!doc) return null
    const report = formReport(editionOr(doc.edition), {
      edition: doc.edition,
      value: (path) => getPath(doc, path),
      year: doc.year,
      agency: agencyKey,
      title: doc.title,
      text: doc.text as Record<string, unknown> | undefined,
    })
    return { id: String(doc.id), title: String(doc.title ?? ''), year: Number(doc.year), report: report as unknown as Report }
  })
  return { loading, previous: data, year: previousYear }
}

export interface LiveReport {
  check: LiveCheck | null
  previous: ReturnType<typeof usePreviousReport>
  /** The form's values by path (a computed cell reads blank: the check computes it). */
  value: (path: string) => unknown
  /** Cells holding computed values, following their parts until the editor types over them. */
  computed: ReadonlySet<string>
  docId: string | null
}

/**
 * The form's report checked live (see grid/live.ts), against the stored previous-year report
 * and with the agency's kind and level for the DEADLINE rule.
 */
export function useLiveReport(slugs: AdminSlugs = DEFAULT_ADMIN_SLUGS): LiveReport {
  const [fields] = useAllFormFields()
  const { id } = useDocumentInfo()
  const edition = fields?.edition?.value
  const agencyId = relationId(fields?.agency?.value)
  const year = fields?.year?.value
  const agencyKey = agencyId ?? ''
  const previous = usePreviousReport(slugs, agencyId, year, agencyKey)
  const agency = useAgency(slugs, agencyId)
  return useMemo(() => {
    // the grids, the Validation tab and the sidebar counts ask for the same form state: one check
    // (`previous` itself is a new object on every render: its stable parts are compared)
    const deps = [fields, edition, year, agencyKey, previous.previous, previous.loading, agency, id] as const
    return sharedLiveReport(deps, () => {
      const computed = computedList(fields?.[COMPUTED_FIELD]?.value)
      const computedSet = new Set(computed)
      // a computed cell shows (greyed) what it computes from its parts, not the value last stored
      const value = (path: string) => (computedSet.has(path) ? null : fields?.[path]?.value)
      // the live check's own cost, for the keystroke budget (plugin/admin/perf.ts); not rendered
      // eslint-disable-next-line react-hooks/purity
      const started = performance.now()
      const check = liveCheck({
        computed,
        edition,
        value,
        year,
        agency: agencyKey,
        title: fields?.title?.value,
        text: Object.fromEntries(NARRATIVE_KEYS.map((key) => [key, value(`text.${key}`)])),
        previous: previous.previous?.report ?? null,
        context: {
          publishedAt: (value('publishedAt') as string | null | undefined) ?? null,
          agencyKind: agency?.kind ?? null,
          agencyLevel: agency?.level ?? null,
        },
      })
      measureSince(MEASURES.check, started)
      return { check, previous, value, computed: computedSet, docId: id === undefined || id === null ? null : String(id) }
    })
  }, [fields, edition, year, agencyKey, previous, agency, id])
}

/** The report's field listing its computed cells (plugin/hooks.ts `COMPUTED_FIELD`). */
export const COMPUTED_FIELD = 'computed'

export function computedList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : []
}

let lastLive: { deps: readonly unknown[]; live: LiveReport } | null = null

/** One live report for every component asking with the same form state (a memo across hook instances). */
function sharedLiveReport(deps: readonly unknown[], compute: () => LiveReport): LiveReport {
  if (lastLive && lastLive.deps.length === deps.length && lastLive.deps.every((d, i) => d === deps[i])) return lastLive.live
  lastLive = { deps, live: compute() }
  return lastLive.live
}
