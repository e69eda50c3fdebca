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
import type { DashboardAgency, DashboardRow, Id, ReportState, YearRequests } from './model.ts'
import { cellLabel, CURRENT_EDITION, editionIndex } from '@xxgk/schema'

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
  /** Reports submitted for review (待审核). */
  queue?: DashboardRow[]
  /** Agencies below the supervisor's with no report of the year. */
  missing?: DashboardAgency[]
  /** The newest versions' sums: the supervisor's own agency and the agencies below it. */
  rollup?: { own: RollupStats; descendants: RollupStats | null } | null
}

type RollupStats = {
  count: number
  published: number
  proactive: Record<string, unknown>
  requests: Record<string, unknown>
  reviewLitigation: Record<string, unknown>
}

const TEXT = {
  review: { zh: '审核状态', en: 'Review' },
  comments: { zh: '待处理意见', en: 'Open comments' },
  queue: { zh: '待审核', en: 'Awaiting review' },
  queueEmpty: { zh: '没有待审核的报告。', en: 'No report is awaiting review.' },
  followup: { zh: '导出跟进清单（Excel）', en: 'Follow-up list (Excel)' },
  rollup: { zh: '下级汇总', en: 'Roll-up of the agencies below' },
  rollupIntro: {
    zh: '本机关与全部下级机关本年度报告的合计（各报告的最新版本，含草稿）',
    en: 'Sums of the year’s reports, your agency’s and every agency’s below it (each report’s newest version, drafts included)',
  },
  ofThemPublished: { zh: '其中已发布', en: 'of them published' },
  own: { zh: '本机关', en: 'Own agency' },
  descendants: { zh: '下级合计', en: 'Agencies below' },
  reports: { zh: '报告数', en: 'Reports' },
  missing: { zh: '尚无报告的下级机关', en: 'Agencies below with no report' },
  none: { zh: '无', en: 'None' },
}

const REVIEW_LABELS: Record<string, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '审核通过', en: 'Approved' },
  published: { zh: '已发布', en: 'Published' },
}

const readPath = (root: unknown, path: string): number | null => {
  let node = root
  for (const key of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined
  return typeof node === 'number' ? node : null
}

/** The roll-up cells: table 2 whole, the 总计 column of tables 3 and 4 (2021 edition). */
const ROLLUP_CELLS = editionIndex(CURRENT_EDITION).cells.filter((c) => c.table === 'proactive' || c.column.key === 'total')

const reportCount = (stats: RollupStats | null, lang: 'zh' | 'en') => (stats ? `${stats.count}（${TEXT.ofThemPublished[lang]} ${stats.published}）` : '0')

function Rollup({ rollup, lang }: { rollup: NonNullable<DashboardClientProps['rollup']>; lang: 'zh' | 'en' }) {
  return (
    <table className="xxgk-issues" data-xxgk-rollup="">
      <thead>
        <tr>
          <th />
          <th>{TEXT.own[lang]}</th>
          <th>{TEXT.descendants[lang]}</th>
        </tr>
        <tr>
          <th>{TEXT.reports[lang]}</th>
          <td>{reportCount(rollup.own, lang)}</td>
          <td data-rollup-count={rollup.descendants?.count ?? 0} data-rollup-published={rollup.descendants?.published ?? 0}>
            {reportCount(rollup.descendants, lang)}
          </td>
        </tr>
      </thead>
      <tbody>
        {ROLLUP_CELLS.map((cell) => {
          const path = cell.path
          const table = path.split('.')[0] as 'proactive' | 'requests' | 'reviewLitigation'
          const rest = path.slice(table.length + 1)
          return (
            <tr key={path} data-rollup-cell={path}>
              <th style={{ fontWeight: 'normal', textAlign: 'left' }}>{cellLabel(cell, lang)}</th>
              <td>{readPath(rollup.own[table], rest) ?? '—'}</td>
              <td>{rollup.descendants ? (readPath(rollup.descendants[table], rest) ?? '—') : '—'}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
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
      <p>
        <a
          className="btn btn--style-secondary btn--size-small"
          style={{ margin: 0 }}
          href={`${api}/${props.reportsSlug}/followup?year=${props.year}&lang=${lang}`}
          download
          data-xxgk-followup=""
        >
          {TEXT.followup[lang]}
        </a>
      </p>
      <h2>
        {TEXT.queue[lang]} ({props.queue?.length ?? 0})
      </h2>
      {(props.queue?.length ?? 0) === 0 ? (
        <p data-xxgk-queue-empty="">{TEXT.queueEmpty[lang]}</p>
      ) : (
        <ul data-xxgk-queue="">
          {props.queue!.map((row) => (
            <li key={String(row.agency.id)} data-agency={row.agency.name}>
              <a href={`${props.adminRoute}/collections/${props.reportsSlug}/${encodeURIComponent(String(row.report!.id))}`}>{row.agency.name}</a>
              {' · '}
              {t('dashboardErrors')} {row.report!.errorCount ?? 0} · {t('dashboardWarnings')} {row.report!.warningCount ?? 0}
            </li>
          ))}
        </ul>
      )}
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
              <th>{TEXT.review[lang]}</th>
              <th>{TEXT.comments[lang]}</th>
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
                <td data-review-status={row.report?.reviewStatus ?? ''}>
                  {row.report?.reviewStatus ? (REVIEW_LABELS[row.report.reviewStatus]?.[lang] ?? row.report.reviewStatus) : '—'}
                </td>
                <td data-open-comments={row.report?.openComments ?? ''}>{row.report ? (row.report.openComments ?? 0) : '—'}</td>
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
      {props.rollup && (
        <>
          <h2 style={{ marginTop: 32 }}>{TEXT.rollup[lang]}</h2>
          <p>{TEXT.rollupIntro[lang]}</p>
          <Rollup rollup={props.rollup} lang={lang} />
          <h3>{TEXT.missing[lang]}</h3>
          <p data-xxgk-missing="">{props.missing?.length ? props.missing.map((a) => a.name).join('、') : TEXT.none[lang]}</p>
        </>
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
