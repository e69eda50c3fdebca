'use client'
/** List-view cells of a report's stored error and warning counts: a coloured pill, 无 / None at zero. */
import React from 'react'
import { useXxgkT } from '../hooks.ts'
import { AdminStyles } from '../styles.tsx'

interface CellProps {
  cellData?: unknown
}

function CountPill({ count, kind }: { count: unknown; kind: 'error' | 'warning' | 'blank' }) {
  const { t } = useXxgkT()
  const styles = <AdminStyles />
  if (typeof count !== 'number') return <span data-count="">—{styles}</span>
  if (count === 0) {
    return (
      <span className="xxgk-pill xxgk-pill--ok" data-count={0}>
        {t('noIssuesCell')}
        {styles}
      </span>
    )
  }
  return (
    <span className={`xxgk-pill xxgk-pill--${kind === 'blank' ? 'muted' : kind}`} data-count={count}>
      {t(kind === 'error' ? 'errorsCell' : kind === 'warning' ? 'warningsCell' : 'blanksCell', { count })}
      {styles}
    </span>
  )
}

export function ErrorCountCell({ cellData }: CellProps) {
  return <CountPill count={cellData} kind="error" />
}

export function WarningCountCell({ cellData }: CellProps) {
  return <CountPill count={cellData} kind="warning" />
}

/** Blank cells read as 0: counted apart from the warnings, in a muted pill. */
export function BlankCountCell({ cellData }: CellProps) {
  return <CountPill count={cellData} kind="blank" />
}
