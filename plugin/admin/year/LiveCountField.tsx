'use client'
/**
 * The sidebar's 错误数 / 提示数 / 空白按 0 计 in the edit view: counted live from the form, as the
 * Validation tab counts them (the stored counts are written on save and shown in the list).
 */
import React from 'react'
import { DEFAULT_ADMIN_SLUGS, useLiveReport, useXxgkT } from '../hooks.ts'
import type { AdminSlugs } from '../hooks.ts'

export type LiveCountKind = 'errors' | 'warnings' | 'blanks'

const LABELS = {
  errors: { zh: '错误数', en: 'Errors' },
  warnings: { zh: '提示数', en: 'Warnings' },
  blanks: { zh: '空白按 0 计', en: 'Blank as 0' },
} as const

type Props = { count?: LiveCountKind; slugs?: AdminSlugs }

export function LiveCountField(props: Props) {
  const kind: LiveCountKind = props.count ?? 'errors'
  const { check } = useLiveReport(props.slugs ?? DEFAULT_ADMIN_SLUGS)
  const { lang } = useXxgkT()
  const value = check ? check.result[kind] : null
  const tone = value && kind === 'errors' ? 'error' : value && kind === 'warnings' ? 'warning' : 'ok'
  return (
    <div className="field-type xxgk-live-count" data-xxgk-live-count={kind} data-count={value ?? ''} style={{ marginBottom: 12 }}>
      <div className="field-label" style={{ marginBottom: 4 }}>
        {LABELS[kind][lang]}
      </div>
      <span className={`xxgk-pill xxgk-pill--${tone}`}>{value ?? '—'}</span>
    </div>
  )
}
