'use client'
/**
 * 对比上年: the report's tables beside the same agency's report of the year before, cell by cell
 * (GET /api/<reports>/:id/compare), changed cells marked, the cross-year rules' findings
 * (X.CARRY, X.IN_FORCE) on their cells, and the comparison as a workbook.
 */
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useMemo, useState } from 'react'
import { cellLabel, editionIndex, getEdition, isEditionId } from '@xxgk/schema'
import type { Issue } from '@xxgk/schema'
import { DEFAULT_ADMIN_SLUGS, useAdminLang, useApiUrl } from '../hooks.ts'
import type { AdminSlugs } from '../hooks.ts'
import { REVIEW_TEXT } from './labels.ts'

interface Comparison {
  id: string | number
  year: number
  edition: string
  previous: { id: string | number; year: number } | null
  cells: { path: string; current: number | null; previous: number | null; change: number | null }[]
  findings: Issue[]
}

const td: React.CSSProperties = { padding: '3px 8px', borderBottom: '1px solid var(--theme-elevation-100)', verticalAlign: 'top' }
const num: React.CSSProperties = { ...td, textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }
const show = (value: number | null) => (value === null ? '—' : String(value))

export function CompareView(props: { slugs?: AdminSlugs }) {
  const slugs = props.slugs ?? DEFAULT_ADMIN_SLUGS
  const { id, lastUpdateTime } = useDocumentInfo() as { id?: string | number; lastUpdateTime?: number }
  const api = useApiUrl()
  const lang = useAdminLang()
  const [data, setData] = useState<Comparison | null>(null)
  const url = id === undefined || id === null ? null : `${api}/${slugs.reports}/${encodeURIComponent(String(id))}/compare`
  useEffect(() => {
    if (!url) return
    let live = true
    void fetch(url, { credentials: 'include' })
      .then((r) => (r.ok ? (r.json() as Promise<Comparison>) : null))
      .then((json) => live && setData(json))
    return () => {
      live = false
    }
  }, [url, lastUpdateTime])
  const findings = useMemo(() => {
    const map = new Map<string, Issue[]>()
    for (const f of data?.findings ?? []) map.set(f.path, [...(map.get(f.path) ?? []), f])
    return map
  }, [data])
  if (!url) return null
  if (!data) return <p>{REVIEW_TEXT.loading[lang]}</p>
  if (!isEditionId(data.edition)) return null
  const index = editionIndex(data.edition)
  const byPath = new Map(data.cells.map((c) => [c.path, c]))
  return (
    <div data-xxgk-compare="" data-previous={data.previous ? String(data.previous.id) : ''}>
      <h3 style={{ margin: '8px 0' }}>
        {REVIEW_TEXT.compareTitle[lang]}: {data.year} / {data.previous ? data.previous.year : '—'}
      </h3>
      {!data.previous && <p data-xxgk-compare-none="">{REVIEW_TEXT.noPrevious[lang]}</p>}
      {data.previous && (
        <p>
          <a className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} href={`${url}?format=xlsx`} download data-xxgk-compare-xlsx="">
            {REVIEW_TEXT.exportCompare[lang]}
          </a>
        </p>
      )}
      {getEdition(data.edition).tables.map((table) => (
        <section key={table.key} data-xxgk-compare-table={table.key} style={{ marginBottom: 24 }}>
          <h4 style={{ margin: '12px 0 6px' }}>{table.label[lang]}</h4>
          <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
            <thead>
              <tr>
                <th style={td} />
                <th style={num}>
                  {REVIEW_TEXT.thisYear[lang]} {data.year}
                </th>
                <th style={num}>
                  {REVIEW_TEXT.lastYear[lang]} {data.previous?.year ?? ''}
                </th>
                <th style={num}>{REVIEW_TEXT.change[lang]}</th>
                <th style={td} />
              </tr>
            </thead>
            <tbody>
              {index.cells
                .filter((cell) => cell.table === table.key)
                .map((cell) => {
                  const c = byPath.get(cell.path)
                  if (!c) return null
                  const changed = c.change !== null && c.change !== 0
                  const found = findings.get(cell.path)
                  return (
                    <tr
                      key={cell.path}
                      data-compare-cell={cell.path}
                      data-changed={changed ? '' : undefined}
                      data-finding={found ? found.map((f) => f.rule).join(' ') : undefined}
                      style={{ background: found ? 'var(--theme-warning-100, #fff4d6)' : changed ? 'var(--theme-elevation-50)' : undefined }}
                    >
                      <td style={td}>{cellLabel(cell, lang)}</td>
                      <td style={num}>{show(c.current)}</td>
                      <td style={num}>{show(c.previous)}</td>
                      <td style={{ ...num, fontWeight: changed ? 600 : undefined }}>
                        {c.change === null ? '' : c.change > 0 ? `+${c.change}` : String(c.change)}
                      </td>
                      <td style={{ ...td, fontSize: 12 }}>{found?.map((f) => f.message[lang]).join('；')}</td>
                    </tr>
                  )
                })}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  )
}
