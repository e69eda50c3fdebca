'use client'
/**
 * 对比上年: the report's tables beside the same agency's report of the year before, cell by cell
 * (GET /api/<reports>/:id/compare), drawn as the printed form with both years in every cell, changed cells marked, the cross-year rules' findings
 * (X.CARRY, X.IN_FORCE) on their cells, and the comparison as a workbook.
 */
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useMemo, useState } from 'react'
import { cellLabel, getEdition, isEditionId } from '@xxgk/schema'
import type { EditionId, Issue } from '@xxgk/schema'
import { labelText } from '@xxgk/schema/render/layout'
import { gridModel } from '../grid/model.ts'
import { AdminStyles } from '../styles.tsx'
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
  const byPath = new Map(data.cells.map((c) => [c.path, c]))
  return (
    <div data-xxgk-compare="" data-previous={data.previous ? String(data.previous.id) : ''}>
      <AdminStyles />
      <h3 style={{ margin: '8px 0' }}>
        {REVIEW_TEXT.compareTitle[lang]}: {REVIEW_TEXT.thisYear[lang]} {data.year} / {REVIEW_TEXT.lastYear[lang]} {data.previous ? data.previous.year : '—'}
      </h3>
      {!data.previous && <p data-xxgk-compare-none="">{REVIEW_TEXT.noPrevious[lang]}</p>}
      {data.previous && (
        <p>
          <a className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} href={`${url}?format=xlsx`} download data-xxgk-compare-xlsx="">
            {REVIEW_TEXT.exportCompare[lang]}
          </a>
        </p>
      )}
      <p className="xxgk-grid__note">{REVIEW_TEXT.compareLegend[lang]}</p>
      {getEdition(data.edition).tables.map((table) => {
        const model = gridModel(data.edition as EditionId, table.key)
        const tableFindings = data.findings.filter((f) => f.path.startsWith(`${table.key}.`))
        return (
          <section key={table.key} className="xxgk-grid xxgk-compare" data-xxgk-compare-table={table.key} style={{ marginBottom: 24 }}>
            <h4 className="xxgk-grid__title">{table.label[lang]}</h4>
            <div className="xxgk-grid__scroll">
              <table>
                <tbody>
                  {model.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((placed) => {
                        const gridCell = placed.cell
                        const span = {
                          rowSpan: gridCell.rowSpan > 1 ? gridCell.rowSpan : undefined,
                          colSpan: gridCell.colSpan > 1 ? gridCell.colSpan : undefined,
                        }
                        if (gridCell.kind === 'label') {
                          return (
                            <th key={`${placed.row}:${placed.col}`} {...span} data-role={gridCell.role}>
                              {labelText(gridCell.label, lang, gridCell.role)}
                            </th>
                          )
                        }
                        const path = gridCell.cell.path
                        const c = byPath.get(path)
                        const changed = c !== undefined && c.change !== null && c.change !== 0
                        const found = findings.get(path)
                        return (
                          <td
                            key={path}
                            {...span}
                            data-compare-cell={path}
                            data-changed={changed ? '' : undefined}
                            data-finding={found ? found.map((f) => f.rule).join(' ') : undefined}
                            data-mark={found ? 'warning' : undefined}
                            title={[cellLabel(gridCell.cell, lang), ...(found ?? []).map((f) => f.message[lang])].join('\n')}
                          >
                            <span className="xxgk-compare__now">{show(c?.current ?? null)}</span>
                            <span className="xxgk-compare__before">
                              {REVIEW_TEXT.lastYear[lang]} {show(c?.previous ?? null)}
                              {changed && <strong className="xxgk-compare__change">{c.change! > 0 ? ` +${c.change}` : ` ${c.change}`}</strong>}
                            </span>
                          </td>
                        )
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {tableFindings.length > 0 && (
              <ul className="xxgk-compare__findings">
                {tableFindings.map((f, i) => (
                  <li key={i} data-finding-path={f.path}>
                    <code>{f.path}</code>：{f.message[lang]}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )
      })}
    </div>
  )
}
