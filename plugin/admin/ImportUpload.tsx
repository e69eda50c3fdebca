'use client'
/**
 * Import a report from a file in the admin: the file is posted (multipart, field `file`) to the
 * import endpoint given as `endpoint`; the draft it creates is opened, its ambiguities marked
 * on their cells by the grids.
 */
import { useAuth, useConfig } from '@payloadcms/ui'
import React, { useRef, useState } from 'react'
import { DEFAULT_ADMIN_SLUGS, useApiUrl, useXxgkT } from './hooks.ts'
import type { AdminSlugs } from './hooks.ts'
import { AdminStyles } from './styles.tsx'

export const IMPORT_ACCEPT = '.pdf,.html,.htm,.txt,.md,.markdown,.docx,.xlsx'

export interface ImportUploadProps {
  /** URL of the import endpoint (POST multipart/form-data, the file in `file`); default `<api>/<reports>/import`. */
  endpoint?: string
  /** Extra form fields sent with the file (e.g. an agency id). */
  fields?: Record<string, string>
  slugs?: AdminSlugs
}

/** The created document's id and ambiguity count from an import response, whatever its envelope. */
export function importedDoc(body: unknown): { id: string; ambiguities: number } | null {
  if (typeof body !== 'object' || body === null) return null
  const b = body as Record<string, unknown>
  for (const candidate of [b.doc, b.report, b]) {
    if (typeof candidate !== 'object' || candidate === null) continue
    const c = candidate as Record<string, unknown>
    if (typeof c.id === 'string' || typeof c.id === 'number') {
      const list = Array.isArray(c.ambiguities) ? c.ambiguities : Array.isArray(b.ambiguities) ? b.ambiguities : []
      return { id: String(c.id), ambiguities: list.length }
    }
  }
  return null
}

/** Messages of a Payload-style error body (`errors[].message`, with `data.errors[]` paths), else the status. */
export function errorMessages(body: unknown, status: number): string[] {
  const errors = (body as { errors?: { message?: unknown; data?: { errors?: { path?: unknown; message?: unknown }[] } }[] } | null)?.errors
  if (!Array.isArray(errors) || errors.length === 0) return [`HTTP ${status}`]
  const messages: string[] = []
  for (const error of errors) {
    const details = error.data?.errors
    if (Array.isArray(details) && details.length > 0) {
      for (const d of details) messages.push(d.path ? `${String(d.path)}: ${String(d.message ?? '')}` : String(d.message ?? ''))
    } else if (error.message) messages.push(String(error.message))
  }
  return messages.length > 0 ? messages : [`HTTP ${status}`]
}

export function ImportUpload(props: ImportUploadProps) {
  const slugs = props.slugs ?? DEFAULT_ADMIN_SLUGS
  const { t } = useXxgkT()
  const { config } = useConfig()
  const { user } = useAuth()
  const api = useApiUrl()
  const endpoint = props.endpoint ?? `${api}/${slugs.reports}/import`
  const inputRef = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null)
  const [dragging, setDragging] = useState(false)

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    if (!file) {
      setMessage({ kind: 'error', text: t('importNoFile') })
      return
    }
    setBusy(true)
    setMessage(null)
    const form = new FormData()
    form.append('file', file, file.name)
    for (const [key, value] of Object.entries(props.fields ?? {})) form.append(key, value)
    try {
      const response = await fetch(endpoint, { method: 'POST', body: form, credentials: 'include' })
      const body: unknown = await response.json().catch(() => null)
      const doc = response.ok ? importedDoc(body) : null
      if (!doc) {
        setMessage({ kind: 'error', text: t('importFailed', { message: errorMessages(body, response.status).join('；') }) })
        setBusy(false)
        return
      }
      const extra = doc.ambiguities > 0 ? ` ${t('importAmbiguities', { count: doc.ambiguities })}` : ''
      setMessage({ kind: 'ok', text: `${t('importDone')}${extra}` })
      window.location.assign(`${config.routes?.admin ?? '/admin'}/collections/${slugs.reports}/${encodeURIComponent(doc.id)}`)
    } catch (error) {
      setMessage({ kind: 'error', text: t('importFailed', { message: error instanceof Error ? error.message : String(error) }) })
      setBusy(false)
    }
  }

  // supervisors read reports and never write them: no upload for them
  const role = (user as { role?: string } | null)?.role
  if (role !== 'admin' && role !== 'editor') return null

  return (
    <form
      className="xxgk-import"
      data-xxgk-import=""
      onSubmit={submit}
      onDragOver={(e) => {
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault()
        setDragging(false)
        const dropped = e.dataTransfer.files?.[0]
        if (dropped) setFile(dropped)
      }}
      style={{
        margin: '0 0 16px',
        padding: 12,
        border: `1px dashed var(${dragging ? '--theme-success-500' : '--theme-elevation-300'})`,
        borderRadius: 4,
      }}
    >
      <AdminStyles />
      <strong>{t('importTitle')}</strong>
      <p style={{ margin: '4px 0 8px', fontSize: 12, color: 'var(--theme-elevation-600)' }}>{t('importHint')}</p>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <label className="xxgk-btn">
          {t('importChoose')}
          <input
            ref={inputRef}
            type="file"
            name="file"
            accept={IMPORT_ACCEPT}
            style={{ display: 'none' }}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <span data-file={file?.name ?? ''}>{file ? file.name : t('importDrop')}</span>
        <button type="submit" className="xxgk-btn" disabled={busy}>
          {busy ? t('importBusy') : t('importSubmit')}
        </button>
      </div>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={`xxgk-pill xxgk-pill--${message.kind === 'error' ? 'error' : 'ok'}`}
          style={{ marginTop: 8 }}
        >
          {message.text}
        </p>
      )}
    </form>
  )
}
