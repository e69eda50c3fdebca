'use client'
/**
 * A statistical table edited as a grid laid out like the printed form. Payload-free: the field
 * component (../TableGridField.tsx) feeds it the form's values and the live check, and applies
 * the writes it asks for.
 */
import React, { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { cellLabel } from '@xxgk/schema'
import type { Label } from '@xxgk/schema'
import { labelText } from '@xxgk/schema/render/layout'
import { noteCellFocus, onFocusRequest, takeFocusRequest } from '../focus.ts'
import { AdminStyles } from '../styles.tsx'
import { MEASURES, markOnce, measureSince } from '../perf.ts'
import type { AdminLang, XxgkTranslationKey } from '../translations.ts'
import { candidateCells, describeCandidate, reasonText, sourceText } from './ambiguities.ts'
import type { CellAmbiguity } from './ambiguities.ts'
import { parseCellText } from './input.ts'
import type { LiveCheck } from './live.ts'
import type { GridModel, ValueCell } from './model.ts'
import { keyMove, moveFrom } from './navigation.ts'
import type { CellMode } from './navigation.ts'
import { parseClipboard, pastePlan } from './paste.ts'
import { cellView, relatedCells } from './view.ts'
import { useCellComments } from '../review/store.ts'

export interface CellWrite {
  path: string
  value: number | null
}

export interface TableGridProps {
  model: GridModel
  lang: AdminLang
  t: (key: XxgkTranslationKey, vars?: Record<string, string | number>) => string
  /** The form's raw value of a cell. */
  value: (path: string) => unknown
  check: LiveCheck | null
  ambiguities: ReadonlyMap<string, CellAmbiguity[]>
  /** The importer's evidence per cell path (the draft's `sources`), shown on hover and focus. */
  sources?: Record<string, unknown>
  readOnly?: boolean
  onWrite: (writes: CellWrite[]) => void
  onConfirmAmbiguity?: (index: number) => void
  onChooseCandidate?: (index: number, candidate: unknown, writes: CellWrite[]) => void
}

interface CellProps {
  vc: ValueCell
  text: string
  computed: string
  mark: string | null
  title: string
  ambiguous: boolean
  /** Open review comments on the cell (plugin option `review`). */
  comment?: string
  related: boolean
  readOnly: boolean
  ariaLabel: string
  describedBy: string | undefined
  onChange: (event: React.ChangeEvent<HTMLInputElement>) => void
}

const GridCell = memo(function GridCell(props: CellProps) {
  const { vc } = props
  return (
    <td
      rowSpan={vc.rowSpan > 1 ? vc.rowSpan : undefined}
      colSpan={vc.colSpan > 1 ? vc.colSpan : undefined}
      data-cell={vc.path}
      data-mark={props.mark ?? undefined}
      data-ambiguous={props.ambiguous ? '' : undefined}
      data-review-comment={props.comment ? '' : undefined}
      data-related={props.related ? '' : undefined}
      data-total={vc.cell.column.isTotal ? '' : undefined}
      title={[props.title, props.comment].filter(Boolean).join('\n') || undefined}
      style={props.comment ? { outline: '2px solid var(--theme-warning-500, #e6a700)', outlineOffset: -2 } : undefined}
    >
      <input
        type="text"
        inputMode={vc.cell.kind === 'count' ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        data-path={vc.path}
        value={props.text}
        placeholder={props.computed}
        readOnly={props.readOnly}
        aria-label={props.ariaLabel}
        aria-invalid={props.mark === 'error' ? true : undefined}
        aria-describedby={props.describedBy}
        onChange={props.onChange}
      />
    </td>
  )
})

/** Text typed into a cell that is not a value of it: shown and marked, never written to the form. */
interface InvalidText {
  text: string
  expected: Label
}

const invalidMessage = (t: TableGridProps['t'], lang: AdminLang, invalid: InvalidText | undefined) =>
  invalid ? { text: invalid.text, message: t('invalidInput', { text: invalid.text.trim(), expected: invalid.expected[lang] }) } : undefined

interface Editing {
  path: string
  text: string
  /** The form value when the cell was focused (Escape restores it). */
  original: unknown
}

export function TableGrid(props: TableGridProps) {
  const { model, lang, t, check, ambiguities, readOnly = false } = props
  const rootRef = useRef<HTMLDivElement>(null)
  const [focused, setFocused] = useState<string | null>(null)
  const [mode, setMode] = useState<CellMode>('ready')
  const [editing, setEditing] = useState<Editing | null>(null)
  const [invalid, setInvalid] = useState<Record<string, InvalidText>>({})
  const [status, setStatus] = useState<string>('')
  const justFocused = useRef<string | null>(null)
  const inputStarted = useRef<number | null>(null)
  const detailsId = `xxgk-grid-details-${model.table}`

  // the latest props for the stable handlers below
  const latest = useRef(props)
  const editingRef = useRef(editing)
  const modeRef = useRef(mode)
  useLayoutEffect(() => {
    latest.current = props
    editingRef.current = editing
    modeRef.current = mode
  })

  const inputAt = useCallback((path: string) => rootRef.current?.querySelector<HTMLInputElement>(`input[data-path="${path}"]`) ?? null, [])

  const focusCell = useCallback(
    (path: string) => {
      const input = inputAt(path)
      if (!input) return
      input.focus()
      input.select()
    },
    [inputAt],
  )

  const write = useCallback((writes: CellWrite[]) => {
    if (writes.length === 0) return
    setInvalid((prev) => {
      if (!writes.some((w) => w.path in prev)) return prev
      const next = { ...prev }
      for (const w of writes) delete next[w.path]
      return next
    })
    latest.current.onWrite(writes)
  }, [])

  const onChange = useCallback(
    (event: React.ChangeEvent<HTMLInputElement>) => {
      const path = event.target.dataset.path
      if (!path || latest.current.readOnly) return
      inputStarted.current = performance.now()
      const text = event.target.value
      const cell = latest.current.model.byPath.get(path)!
      const original = editingRef.current?.path === path ? editingRef.current.original : latest.current.value(path)
      setEditing({ path, text, original })
      const parsed = parseCellText(text, cell.cell.kind)
      if (parsed.ok) {
        write([{ path, value: parsed.value }])
      } else {
        setInvalid((prev) => ({ ...prev, [path]: { text, expected: parsed.expected } }))
      }
    },
    [write],
  )

  const onFocus = useCallback((event: React.FocusEvent<HTMLDivElement>) => {
    const target = event.target as HTMLInputElement
    const path = target.dataset?.path
    if (!path) return
    justFocused.current = path
    noteCellFocus(path)
    setFocused(path)
    setMode('ready')
    setEditing(null)
    setStatus('')
    target.select()
  }, [])

  const onBlur = useCallback((event: React.FocusEvent<HTMLDivElement>) => {
    if (!rootRef.current?.contains(event.relatedTarget as Node | null)) {
      setFocused(null)
      setEditing(null)
    }
  }, [])

  const onMouseUp = useCallback((event: React.MouseEvent<HTMLDivElement>) => {
    // keep the whole value selected after a click focused the cell (typing replaces it)
    const path = (event.target as HTMLElement).dataset?.path
    if (path && justFocused.current === path && modeRef.current === 'ready') event.preventDefault()
    justFocused.current = null
  }, [])

  const onDoubleClick = useCallback((event: React.MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).dataset?.path) setMode('edit')
  }, [])

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLDivElement>) => {
      const input = event.target as HTMLInputElement
      const path = input.dataset?.path
      if (!path) return
      justFocused.current = null
      if (event.key === 'F2') {
        event.preventDefault()
        setMode('edit')
        const end = input.value.length
        input.setSelectionRange(end, end)
        return
      }
      if (event.key === 'Escape') {
        const current = editingRef.current
        if (current?.path === path) {
          event.preventDefault()
          const original = current.original
          write([{ path, value: typeof original === 'number' ? original : null }])
          setEditing(null)
          setMode('ready')
          requestAnimationFrame(() => input.select())
        }
        return
      }
      const move = keyMove(event, modeRef.current)
      if (event.key === 'Enter') event.preventDefault() // never submit the document form from a cell
      if (!move) return
      const target = moveFrom(latest.current.model, path, move)
      if (!target) {
        if (event.key !== 'Tab') event.preventDefault()
        return
      }
      event.preventDefault()
      focusCell(target)
    },
    [focusCell, write],
  )

  const onPaste = useCallback(
    (event: React.ClipboardEvent<HTMLDivElement>) => {
      const path = (event.target as HTMLElement).dataset?.path
      if (!path || latest.current.readOnly) return
      const text = event.clipboardData.getData('text/plain')
      const html = event.clipboardData.getData('text/html')
      const block = parseClipboard({ text, html })
      const single = block.length === 1 && block[0]!.length === 1 && !/<table/i.test(html)
      if (single) return // one value: the input's own paste, then onChange
      event.preventDefault()
      inputStarted.current = performance.now()
      const { t: tr, model: m } = latest.current
      if (block.length === 0) {
        setStatus(tr('pasteNothing'))
        return
      }
      const plan = pastePlan(m, path, block)
      write(plan.writes.map((w) => ({ path: w.path, value: w.value })))
      const parts = [tr('pasted', { count: plan.writes.length })]
      if (plan.invalid.length > 0) {
        parts.push(tr('pasteInvalid', { count: plan.invalid.length, list: plan.invalid.map((i) => `“${i.text}”`).join('、') }))
      }
      if (plan.outside > 0) parts.push(tr('pasteOutside', { count: plan.outside }))
      setStatus(parts.join('；'))
      setEditing(null)
    },
    [write],
  )

  // focus requests from the Validation tab
  useEffect(() => {
    const take = () => {
      const path = takeFocusRequest((p) => model.byPath.has(p))
      if (path) requestAnimationFrame(() => focusCell(path))
    }
    take()
    return onFocusRequest(take)
  }, [model, focusCell])

  useEffect(() => {
    markOnce(MEASURES.gridReady)
  }, [])

  useLayoutEffect(() => {
    if (inputStarted.current !== null) {
      measureSince(MEASURES.keystroke, inputStarted.current)
      inputStarted.current = null
    }
  })

  const comments = useCellComments()
  const related = useMemo(() => (focused ? relatedCells(focused, check) : new Set<string>()), [focused, check])
  const table = model.grid.table

  const renderRow = (rowIndex: number) =>
    model.rows[rowIndex]!.map((placed) => {
      const gridCell = placed.cell
      if (gridCell.kind === 'label') {
        return (
          <th
            key={`${placed.row}:${placed.col}`}
            rowSpan={gridCell.rowSpan > 1 ? gridCell.rowSpan : undefined}
            colSpan={gridCell.colSpan > 1 ? gridCell.colSpan : undefined}
            data-role={gridCell.role}
            scope={gridCell.role === 'row' ? 'row' : gridCell.role === 'columnHeader' ? 'col' : undefined}
          >
            {labelText(gridCell.label, lang, gridCell.role)}
          </th>
        )
      }
      const vc = model.byPath.get(gridCell.cell.path)!
      const isEditing = editing?.path === vc.path
      const view = cellView(vc.path, {
        value: props.value(vc.path),
        check,
        ambiguities: ambiguities.get(vc.path),
        invalid: invalidMessage(t, lang, invalid[vc.path]),
        lang,
      })
      return (
        <GridCell
          key={vc.path}
          vc={vc}
          text={isEditing ? editing.text : view.text}
          computed={view.computed}
          mark={view.mark}
          title={[...view.messages, sourceText(props.sources?.[vc.path], lang)].filter(Boolean).join('\n')}
          ambiguous={view.ambiguous}
          comment={comments
            .get(vc.path)
            ?.map((c) => `审核意见 / Review: ${c.comment}`)
            .join('\n')}
          related={related.has(vc.path)}
          readOnly={readOnly}
          ariaLabel={cellLabel(vc.cell, lang)}
          describedBy={focused === vc.path ? detailsId : undefined}
          onChange={onChange}
        />
      )
    })

  const headerRows = model.grid.rows.map((r, i) => (r.header ? i : -1)).filter((i) => i >= 0)
  const bodyRows = model.grid.rows.map((r, i) => (r.header ? -1 : i)).filter((i) => i >= 0)

  return (
    <div className="xxgk-grid" data-xxgk-grid={model.table} data-edition={model.edition} ref={rootRef}>
      <AdminStyles />
      <p className="xxgk-grid__hint">{t('gridHint')}</p>
      <div className="xxgk-grid__scroll">
        <table
          role="grid"
          aria-label={table.label[lang]}
          onFocus={onFocus}
          onBlur={onBlur}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onMouseUp={onMouseUp}
          onDoubleClick={onDoubleClick}
        >
          <colgroup>
            {model.grid.columnWidths.map((w, i) => (
              <col key={i} style={{ width: `${w}%` }} />
            ))}
          </colgroup>
          {headerRows.length > 0 && (
            <thead>
              {headerRows.map((i) => (
                <tr key={i}>{renderRow(i)}</tr>
              ))}
            </thead>
          )}
          <tbody>
            {bodyRows.map((i) => (
              <tr key={i}>{renderRow(i)}</tr>
            ))}
          </tbody>
        </table>
      </div>
      <CellDetails
        id={detailsId}
        model={model}
        path={focused}
        lang={lang}
        t={t}
        status={status}
        check={check}
        invalid={focused ? invalidMessage(t, lang, invalid[focused]) : undefined}
        ambiguities={focused ? ambiguities.get(focused) : undefined}
        source={focused ? sourceText(props.sources?.[focused], lang) : ''}
        readOnly={readOnly}
        onConfirm={props.onConfirmAmbiguity}
        onChoose={props.onChooseCandidate}
      />
    </div>
  )
}

interface DetailsProps {
  id: string
  model: GridModel
  path: string | null
  lang: AdminLang
  t: TableGridProps['t']
  status: string
  check: LiveCheck | null
  invalid?: { text: string; message: string }
  ambiguities?: readonly CellAmbiguity[]
  /** Where the importer read the cell, in words ('' when unknown). */
  source?: string
  readOnly: boolean
  onConfirm?: (index: number) => void
  onChoose?: (index: number, candidate: unknown, writes: CellWrite[]) => void
}

/** The focused cell's label, its marks with their messages, its computed value and its import ambiguities. */
function CellDetails({ id, model, path, lang, t, status, check, invalid, ambiguities, source, readOnly, onConfirm, onChoose }: DetailsProps) {
  const vc = path ? model.byPath.get(path) : undefined
  const marks = path ? (check?.marks.get(path) ?? []) : []
  const computed = path ? check?.totals.get(path) : undefined
  const ordered = [...marks.filter((m) => m.severity === 'error'), ...marks.filter((m) => m.severity !== 'error')]
  return (
    <div className="xxgk-grid__details" id={id} aria-live="polite" data-empty={!vc && !status ? '' : undefined}>
      {vc ? (
        <>
          <h5>
            {cellLabel(vc.cell, lang)} <code style={{ fontWeight: 400, opacity: 0.7 }}>{vc.path}</code>
          </h5>
          {computed !== undefined && <div>{t('computedTotal', { value: computed })}</div>}
          {source && !ambiguities?.length && <div data-cell-source={vc.path}>{source}</div>}
          {(invalid || ordered.length > 0) && (
            <ul data-cell-messages={vc.path}>
              {invalid && <li data-severity="error">{invalid.message}</li>}
              {ordered.map((m, i) => (
                <li key={i} data-severity={m.severity} data-rule={m.rule}>
                  {m.message[lang]}
                </li>
              ))}
            </ul>
          )}
          {ambiguities?.map(({ index, ambiguity }) => (
            <div className="xxgk-grid__ambiguity" key={index} data-ambiguity={ambiguity.path}>
              <strong>{t('ambiguityTitle')}</strong>
              {/* the source line beside the readings: what the person checks them against */}
              {source && (
                <div className="xxgk-grid__ambiguity-source" data-cell-source={vc.path}>
                  {source}
                </div>
              )}
              {reasonText(ambiguity.reason, lang) && <div>{reasonText(ambiguity.reason, lang)}</div>}
              <div>
                {t('ambiguityChosen', {
                  value:
                    ambiguity.chosen === null || ambiguity.chosen === undefined
                      ? t('ambiguityNone')
                      : describeCandidate(ambiguity.chosen, ambiguity.path, model.edition, lang),
                })}
              </div>
              <div>{t('ambiguityCandidates')}</div>
              <ul>
                {ambiguity.candidates.map((candidate, c) => {
                  const chosen = JSON.stringify(candidate) === JSON.stringify(ambiguity.chosen)
                  const writes = candidateCells(candidate, ambiguity.path, model.edition).map((w) => ({
                    path: w.path,
                    value: typeof w.value === 'number' ? w.value : null,
                  }))
                  return (
                    <li key={c} className="xxgk-grid__candidate" data-chosen={chosen ? '' : undefined}>
                      {describeCandidate(candidate, ambiguity.path, model.edition, lang)}{' '}
                      {!readOnly && !chosen && writes.length > 0 && onChoose && (
                        <button type="button" className="xxgk-btn" onClick={() => onChoose(index, candidate, writes)}>
                          {t('ambiguityUse')}
                        </button>
                      )}
                    </li>
                  )
                })}
              </ul>
              {!readOnly && onConfirm && (
                <button type="button" className="xxgk-btn" onClick={() => onConfirm(index)}>
                  {t('ambiguityConfirm')}
                </button>
              )}
            </div>
          ))}
          {status && <div className="xxgk-grid__status">{status}</div>}
        </>
      ) : (
        <div className="xxgk-grid__status">{status}</div>
      )}
    </div>
  )
}
