'use client'
/**
 * 新建下一年度报告: on a report's edit view, and above the reports list for the editor's own
 * agency's newest report. Posts to `POST /api/<reports>/:id/next-year` (a draft for the year
 * after, carrying 上年结转 and 现行有效件数) and opens the new draft, or the existing one.
 */
import { useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'
import { DEFAULT_ADMIN_SLUGS, relationId, useApiUrl, useXxgkT } from '../hooks.ts'
import type { AdminSlugs } from '../hooks.ts'

const WRITER_ROLES = new Set(['admin', 'editor'])

export function nextYearUrl(api: string, slug: string, id: string | number): string {
  return `${api}/${slug}/${encodeURIComponent(String(id))}/next-year`
}

function useOpenNextYear(slugs: AdminSlugs) {
  const api = useApiUrl()
  const { config } = useConfig()
  const { t } = useXxgkT()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const open = async (id: string | number) => {
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(nextYearUrl(api, slugs.reports, id), { method: 'POST', credentials: 'include', headers: { Accept: 'application/json' } })
      const body = (await response.json().catch(() => null)) as { doc?: { id?: unknown }; existing?: unknown; errors?: { message?: string }[] } | null
      const target = response.status === 201 ? body?.doc?.id : response.status === 409 ? body?.existing : undefined
      if (target === undefined || target === null) {
        setError(t('nextYearFailed', { message: body?.errors?.map((e) => e.message).join('；') || String(response.status) }))
        setBusy(false)
        return
      }
      window.location.assign(`${config.routes?.admin ?? '/admin'}/collections/${slugs.reports}/${encodeURIComponent(String(target))}`)
    } catch (e) {
      setError(t('nextYearFailed', { message: e instanceof Error ? e.message : String(e) }))
      setBusy(false)
    }
  }
  return { open, busy, error }
}

function Button({ label, busy, error, onClick }: { label: string; busy: boolean; error: string | null; onClick: () => void }) {
  return (
    <span className="xxgk-next-year" data-xxgk-next-year="" style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <button type="button" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} disabled={busy} onClick={onClick}>
        {label}
      </button>
      {error && (
        <span role="alert" style={{ fontSize: 12, color: 'var(--theme-error-600, #b91c1c)' }}>
          {error}
        </span>
      )}
    </span>
  )
}

/** On the edit view of a saved report. */
export function NextYearButton(props: { slugs?: AdminSlugs }) {
  const slugs = props.slugs ?? DEFAULT_ADMIN_SLUGS
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { t } = useXxgkT()
  const { open, busy, error } = useOpenNextYear(slugs)
  const role = (user as { role?: string } | null)?.role
  if (id === undefined || id === null || !role || !WRITER_ROLES.has(role)) return null
  return <Button label={t('nextYear')} busy={busy} error={error} onClick={() => void open(id)} />
}

/** Above the reports list: the editor's agency's newest report, and a button for the year after it. */
export function NextYearListButton(props: { slugs?: AdminSlugs }) {
  const slugs = props.slugs ?? DEFAULT_ADMIN_SLUGS
  const { user } = useAuth()
  const api = useApiUrl()
  const { t } = useXxgkT()
  const { open, busy, error } = useOpenNextYear(slugs)
  const role = (user as { role?: string } | null)?.role
  const agency = relationId((user as { agency?: unknown } | null)?.agency)
  const [latest, setLatest] = useState<{ id: string; year: number } | null>(null)
  useEffect(() => {
    if (!agency || !role || !WRITER_ROLES.has(role)) return
    let live = true
    const url = `${api}/${slugs.reports}?where[agency][equals]=${encodeURIComponent(agency)}&sort=-year&limit=1&depth=0&select[year]=true`
    void fetch(url, { credentials: 'include', headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { docs?: { id: unknown; year: unknown }[] } | null) => {
        const doc = body?.docs?.[0]
        if (live && doc && typeof doc.year === 'number') setLatest({ id: String(doc.id), year: doc.year })
      })
      .catch(() => {})
    return () => {
      live = false
    }
  }, [agency, api, role, slugs.reports])
  if (!latest) return null
  return (
    <div className="xxgk-next-year-list" style={{ margin: '0 0 12px' }}>
      <Button label={t('nextYearFrom', { year: latest.year + 1, from: latest.year })} busy={busy} error={error} onClick={() => void open(latest.id)} />
    </div>
  )
}
