'use client'
/**
 * The supervisor's overview, client side: the state of each agency's report for the chosen year
 * and the chart of requests by outcome across years (sums from `GET /api/<reports>/stats`).
 */
import React, { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { useApiUrl, useXxgkT } from '../hooks.ts'
import type { XxgkTranslationKey } from '../translations.ts'
import { AdminStyles } from '../styles.tsx'
import { countStates, outcomeChartData, REPORT_STATES } from './model.ts'
import type { DashboardRow, Id, ReportState, YearRequests } from './model.ts'

// The chart library loads with the dashboard only, not with every admin page (the edit view).
const RequestsChart = lazy(() => import('./RequestsChart.tsx').then((m) => ({ default: m.RequestsChart })))

export interface DashboardClientProps {
  year: number
  /** Years offered in the year picker, newest first. */
  years: number[]
  rows: DashboardRow[]
  /** The agency whose subtree the stats cover (a supervisor's); all agencies when null. */
  statsAgency: Id | null
  /** Years shown in the chart. */
  chartYears: number[]
  reportsSlug: string
  adminRoute: string
}

const STATE_KEYS: Record<ReportState, XxgkTranslationKey> = {
  published: 'statePublished',
  publishedLate: 'statePublishedLate',
  draftWithErrors: 'stateDraftWithErrors',
  draft: 'stateDraft',
  missing: 'stateMissing',
  overdue: 'stateOverdue',
}

const STATE_PILL: Record<ReportState, string> = {
  published: 'ok',
  publishedLate: 'warning',
  draftWithErrors: 'error',
  draft: 'muted',
  missing: 'muted',
  overdue: 'error',
}

function useOutcomeData(statsUrl: (year: number) => string, years: number[]) {
  const [data, setData] = useState<Record<string, number>[] | null>(null)
  const key = years.map(statsUrl).join('|')
  useEffect(() => {
    let live = true
    void Promise.all(
      years.map(async (year): Promise<YearRequests | null> => {
        const response = await fetch(statsUrl(year), { credentials: 'include' }).catch(() => null)
        if (!response?.ok) return null
        const body = (await response.json().catch(() => null)) as { count?: number; requests?: Record<string, unknown> } | null
        return body && (body.count ?? 0) > 0 ? { year, count: body.count, requests: body.requests ?? {} } : null
      }),
    ).then((results) => {
      if (live) setData(outcomeChartData(results.filter((r): r is YearRequests => r !== null)))
    })
    return () => {
      live = false
    }
    // the URLs decide what is fetched
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return data
}

export function DashboardClient(props: DashboardClientProps) {
  const { t, lang } = useXxgkT()
  const api = useApiUrl()
  const counts = useMemo(() => countStates(props.rows), [props.rows])
  const statsUrl = (year: number) =>
    `${api}/${props.reportsSlug}/stats?year=${year}${props.statsAgency !== null ? `&agency=${encodeURIComponent(String(props.statsAgency))}&descendants=true` : ''}`
  const chart = useOutcomeData(statsUrl, props.chartYears)

  return (
    <div className="xxgk-dashboard" data-xxgk-dashboard="" data-year={props.year}>
      <AdminStyles />
      <h1>{t('dashboardTitle')}</h1>
      <form method="get" style={{ display: 'flex', gap: 8, alignItems: 'center', margin: '8px 0 16px' }}>
        <label htmlFor="xxgk-dashboard-year">{t('dashboardYear')}</label>
        <select id="xxgk-dashboard-year" name="year" defaultValue={props.year} onChange={(e) => (e.currentTarget.form as HTMLFormElement).submit()}>
          {props.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </form>
      <p>{t('dashboardIntro', { year: props.year })}</p>
      <p style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }} data-counts="">
        {REPORT_STATES.map((state) => (
          <span key={state} className={`xxgk-pill xxgk-pill--${STATE_PILL[state]}`} data-state={state} data-count={counts[state]}>
            {t(STATE_KEYS[state])} {counts[state]}
          </span>
        ))}
      </p>
      {props.rows.length === 0 ? (
        <p>{t('dashboardNoAgencies')}</p>
      ) : (
        <table className="xxgk-issues" data-xxgk-dashboard-table="">
          <thead>
            <tr>
              <th>{t('dashboardAgency')}</th>
              <th>{t('dashboardState')}</th>
              <th>{t('dashboardDue')}</th>
              <th>{t('dashboardPublishedAt')}</th>
              <th>{t('dashboardErrors')}</th>
              <th>{t('dashboardWarnings')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={String(row.agency.id)} data-agency={row.agency.name} data-state={row.state}>
                <td style={{ paddingLeft: 8 + row.depth * 16 }}>{row.agency.name}</td>
                <td>
                  <span className={`xxgk-pill xxgk-pill--${STATE_PILL[row.state]}`}>{t(STATE_KEYS[row.state])}</span>
                </td>
                <td>{row.due}</td>
                <td>{row.report?.publishedAt ? String(row.report.publishedAt).slice(0, 10) : '—'}</td>
                <td>{row.report?.errorCount ?? '—'}</td>
                <td>{row.report?.warningCount ?? '—'}</td>
                <td>
                  {row.report && (
                    <a href={`${props.adminRoute}/collections/${props.reportsSlug}/${encodeURIComponent(String(row.report.id))}`}>{t('dashboardOpen')}</a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 style={{ marginTop: 32 }}>{t('chartTitle')}</h2>
      {chart === null ? null : chart.length === 0 ? (
        <p>{t('chartEmpty')}</p>
      ) : (
        <Suspense fallback={null}>
          <RequestsChart data={chart} lang={lang} receivedLabel={t('chartReceived')} />
        </Suspense>
      )}
    </div>
  )
}
