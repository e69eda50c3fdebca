'use client'
/**
 * Export buttons of a report's edit view: links to `GET /api/<reports>/:id/export?format=…&draft=true`,
 * the newest saved version (a draft too); unsaved changes are pointed out.
 */
import { useDocumentInfo, useFormModified } from '@payloadcms/ui'
import React, { useEffect } from 'react'
import { DEFAULT_ADMIN_SLUGS, useApiUrl, useXxgkT } from './hooks.ts'
import type { AdminSlugs } from './hooks.ts'
import { MEASURES, markOnce } from './perf.ts'
import type { XxgkTranslationKey } from './translations.ts'

export const EXPORT_BUTTONS: readonly { format: 'html' | 'xlsx' | 'json' | 'txt'; label: XxgkTranslationKey }[] = [
  { format: 'html', label: 'exportHtml' },
  { format: 'xlsx', label: 'exportXlsx' },
  { format: 'json', label: 'exportJson' },
  { format: 'txt', label: 'exportTxt' },
]

export function exportUrl(api: string, slug: string, id: string | number, format: string): string {
  return `${api}/${slug}/${encodeURIComponent(String(id))}/export?format=${format}&draft=true`
}

export function ExportButtons(props: { slugs?: AdminSlugs }) {
  const slugs = props.slugs ?? DEFAULT_ADMIN_SLUGS
  const { id } = useDocumentInfo()
  const modified = useFormModified()
  const api = useApiUrl()
  const { t } = useXxgkT()
  useEffect(() => markOnce(MEASURES.editReady), [])
  if (id === undefined || id === null) {
    return <span style={{ fontSize: 12, color: 'var(--theme-elevation-600)' }}>{t('exportNotSaved')}</span>
  }
  return (
    <div className="xxgk-export" data-xxgk-export="" style={{ display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'wrap' }}>
      <span style={{ fontSize: 12, color: 'var(--theme-elevation-600)' }}>{t('exportTitle')}:</span>
      {EXPORT_BUTTONS.map(({ format, label }) => (
        <a
          key={format}
          className="btn btn--style-secondary btn--size-small btn--icon-style-without-border"
          style={{ margin: 0 }}
          href={exportUrl(api, slugs.reports, id, format)}
          data-format={format}
          download
          title={modified ? t('exportSaveFirst') : undefined}
        >
          {t(label)}
        </a>
      ))}
      {modified && <span style={{ fontSize: 12, color: 'var(--theme-warning-600, inherit)' }}>{t('exportSaveFirst')}</span>}
    </div>
  )
}
