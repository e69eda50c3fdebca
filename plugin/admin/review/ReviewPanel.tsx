'use client'
/**
 * The review panel in a report's sidebar (plugin option `review`): the state, the open comments
 * (each leading to its cell), the history, and the steps the user may take now — submit (the
 * report's editor), return with a comment pinned to a cell, approve (a supervisor above).
 */
import { useDocumentInfo, useFormFields, useFormModified } from '@payloadcms/ui'
import React, { useCallback, useEffect, useMemo, useState } from 'react'
import { CURRENT_EDITION, cellLabel, editionIndex, getEdition, isEditionId } from '@xxgk/schema'
import type { EditionId } from '@xxgk/schema'
import { REVIEW_STATE_LABELS } from '../../../collections/reports/review.ts'
import type { ReviewHistoryEntry, ReviewState } from '../../../collections/reports/review.ts'
import { lastFocusedCell, onCellFocused, requestCellFocus } from '../focus.ts'
import { DEFAULT_ADMIN_SLUGS, useAdminLang, useApiUrl } from '../hooks.ts'
import type { AdminSlugs } from '../hooks.ts'
import { REVIEW_TEXT } from './labels.ts'
import { setOpenComments } from './store.ts'
import type { CellComment } from './store.ts'

interface ReviewAnswer {
  reviewStatus: ReviewState
  reviewHistory: ReviewHistoryEntry[]
  reviewComments: CellComment[]
  review: boolean
  can: { submit: boolean; return: boolean; approve: boolean; publish: boolean }
}

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: 10, marginBottom: 16, fontSize: 13 }

async function fetchReview(api: string, reports: string, id: string | number | undefined): Promise<ReviewAnswer | null> {
  if (id === undefined || id === null) return null
  const response = await fetch(`${api}/${reports}/${encodeURIComponent(String(id))}/review`, { credentials: 'include' })
  return response.ok ? ((await response.json()) as ReviewAnswer) : null
}

/** Where a comment points, as the form prints it: 三、本年度办理结果 … / 自然人. */
function cellName(edition: EditionId, path: string, lang: 'zh' | 'en'): string {
  const cell = editionIndex(edition).byPath.get(path)
  if (!cell) return path
  return `${getEdition(edition).tables.find((t) => t.key === cell.table)?.label[lang] ?? cell.table}：${cellLabel(cell, lang)}`
}

/**
 * The cell a returned report's comment pins: every cell of the edition by table, preset to the
 * cell last clicked in a grid, so nobody types a path.
 */
function CellPicker(props: { edition: EditionId; value: string; onChange: (path: string) => void; lang: 'zh' | 'en' }) {
  const { edition, value, onChange, lang } = props
  const groups = useMemo(
    () =>
      getEdition(edition).tables.map((table) => ({
        table,
        cells: editionIndex(edition).cells.filter((c) => c.table === table.key),
      })),
    [edition],
  )
  return (
    <select aria-label={REVIEW_TEXT.cell[lang]} value={value} onChange={(e) => onChange(e.target.value)} data-xxgk-review-path="" style={{ maxWidth: '100%' }}>
      <option value="">{REVIEW_TEXT.wholeReport[lang]}</option>
      {groups.map(({ table, cells }) => (
        <optgroup key={table.key} label={table.label[lang]}>
          {cells.map((cell) => (
            <option key={cell.path} value={cell.path}>
              {cellLabel(cell, lang)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  )
}

export function ReviewPanel(props: { slugs?: AdminSlugs }) {
  const slugs = props.slugs ?? DEFAULT_ADMIN_SLUGS
  const { id, lastUpdateTime } = useDocumentInfo() as { id?: string | number; lastUpdateTime?: number }
  const modified = useFormModified()
  const api = useApiUrl()
  const lang = useAdminLang()
  const [answer, setAnswer] = useState<ReviewAnswer | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [comment, setComment] = useState('')
  const [path, setPath] = useState(() => lastFocusedCell() ?? '')
  const editionValue = useFormFields(([fields]) => fields?.edition?.value)
  const edition: EditionId = isEditionId(editionValue) ? editionValue : CURRENT_EDITION
  useEffect(() => onCellFocused((focused) => focused && setPath(focused)), [])
  const [busy, setBusy] = useState(false)

  const show = useCallback((json: ReviewAnswer | null) => {
    if (!json) return
    setAnswer(json)
    setOpenComments(json.reviewComments ?? [])
  }, [])
  const load = useCallback(() => fetchReview(api, slugs.reports, id).then(show), [api, id, slugs.reports, show])

  useEffect(() => {
    let current = true
    void fetchReview(api, slugs.reports, id).then((json) => current && show(json))
    return () => {
      current = false
    }
  }, [api, id, slugs.reports, show, lastUpdateTime])
  useEffect(() => () => setOpenComments([]), [])

  const step = async (name: 'submit' | 'return' | 'approve') => {
    setBusy(true)
    setError(null)
    try {
      const body = name === 'return' ? { comment, ...(path.trim() && { path: path.trim() }) } : {}
      const response = await fetch(`${api}/${slugs.reports}/${encodeURIComponent(String(id))}/${name}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const json = (await response.json()) as { errors?: { message?: string; data?: { errors?: { zh?: string; en?: string }[] } }[] }
      if (!response.ok) {
        const details = json.errors?.[0]?.data?.errors?.map((e) => e[lang]).filter(Boolean) ?? []
        setError(details.length ? details.join('\n') : (json.errors?.[0]?.message ?? String(response.status)))
      } else {
        setComment('')
        setPath('')
        // the form holds the document as loaded: reload it so the next save starts from the new state
        window.location.reload()
      }
    } finally {
      setBusy(false)
      void load()
    }
  }

  if (id === undefined || id === null || !answer) return null
  const open = (answer.reviewComments ?? []).filter((c) => !c.resolvedAt)
  return (
    <div style={box} data-xxgk-review="" data-review-status={answer.reviewStatus}>
      <div style={{ fontWeight: 600, marginBottom: 6 }}>{REVIEW_TEXT.title[lang]}</div>
      <div>
        {REVIEW_TEXT.state[lang]}: <strong data-xxgk-review-state="">{REVIEW_STATE_LABELS[answer.reviewStatus]?.[lang] ?? answer.reviewStatus}</strong>
      </div>
      {open.length > 0 && (
        <div style={{ marginTop: 8 }} data-xxgk-review-comments="">
          <div style={{ fontWeight: 600 }}>{REVIEW_TEXT.openComments[lang]}</div>
          <ul style={{ paddingLeft: 16, margin: '4px 0' }}>
            {open.map((c) => (
              <li key={c.id} data-comment-path={c.path ?? ''}>
                {c.comment}
                {c.path && (
                  <>
                    {' '}
                    <span style={{ fontSize: 11, color: 'var(--theme-elevation-700)' }} title={c.path}>
                      {cellName(edition, c.path, lang)}
                    </span>{' '}
                    <button type="button" className="xxgk-btn" onClick={() => requestCellFocus(c.path!)}>
                      {REVIEW_TEXT.goToCell[lang]}
                    </button>
                  </>
                )}
                <div style={{ color: 'var(--theme-elevation-600)', fontSize: 11 }}>
                  {c.byEmail ?? ''} {new Date(c.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
      {answer.review && !answer.can.publish && answer.reviewStatus !== 'published' && (
        <p style={{ color: 'var(--theme-elevation-600)', margin: '6px 0' }}>{REVIEW_TEXT.publishNeedsApproval[lang]}</p>
      )}
      {(answer.can.submit || answer.can.approve || answer.can.return) && modified && <p style={{ margin: '6px 0' }}>{REVIEW_TEXT.saveFirst[lang]}</p>}
      <div style={{ display: 'flex', flexDirection: 'column', gap: 6, marginTop: 8 }}>
        {answer.can.submit && (
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            style={{ margin: 0 }}
            disabled={busy || modified}
            onClick={() => step('submit')}
            data-xxgk-review-step="submit"
          >
            {REVIEW_TEXT.submit[lang]}
          </button>
        )}
        {answer.can.approve && (
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            style={{ margin: 0 }}
            disabled={busy}
            onClick={() => step('approve')}
            data-xxgk-review-step="approve"
          >
            {REVIEW_TEXT.approve[lang]}
          </button>
        )}
        {answer.can.return && (
          <>
            <textarea
              aria-label={REVIEW_TEXT.comment[lang]}
              placeholder={REVIEW_TEXT.comment[lang]}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              rows={3}
              data-xxgk-review-comment=""
            />
            <label style={{ fontSize: 12 }}>
              {REVIEW_TEXT.cell[lang]}
              <CellPicker edition={edition} value={path} onChange={setPath} lang={lang} />
            </label>
            <span style={{ fontSize: 11, color: 'var(--theme-elevation-600)' }}>{REVIEW_TEXT.cellHint[lang]}</span>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              style={{ margin: 0 }}
              disabled={busy || !comment.trim()}
              onClick={() => step('return')}
              data-xxgk-review-step="return"
            >
              {REVIEW_TEXT.return[lang]}
            </button>
          </>
        )}
      </div>
      {error && (
        <pre role="alert" style={{ whiteSpace: 'pre-wrap', color: 'var(--theme-error-600, #b00)', fontSize: 12 }} data-xxgk-review-error="">
          {error}
        </pre>
      )}
      {answer.reviewHistory.length > 0 && (
        <details style={{ marginTop: 8 }}>
          <summary>{REVIEW_TEXT.history[lang]}</summary>
          <ol style={{ paddingLeft: 16, margin: '4px 0' }} data-xxgk-review-history="">
            {answer.reviewHistory.map((h, i) => (
              <li key={i}>
                {REVIEW_TEXT.actions[h.action]?.[lang] ?? h.action} · {h.byEmail ?? ''} · {new Date(h.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}
                {h.comment && (
                  <div>
                    “{h.comment}”{h.path && <span style={{ fontSize: 11 }}> · {cellName(edition, h.path, lang)}</span>}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  )
}
