/**
 * The supervisors' dashboard, a custom admin view (server component): loads the agencies and
 * reports the user may read (access control decides: a supervisor reads its own agency and its
 * descendants) and hands them to the client view.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps, CollectionSlug } from 'payload'
import React from 'react'
import { adminLang, translate } from '../translations.ts'
import { DashboardClient } from './DashboardClient.tsx'
import { DEFAULT_SLUGS } from '../../../collections/slugs.ts'
import { dashboardData } from '../../dashboard-data.ts'
import { chinaDate } from './model.ts'

export interface DashboardViewOptions {
  reports?: string
  agencies?: string
}

const CHART_YEARS = 6

export async function DashboardView(props: AdminViewServerProps & { slugs?: DashboardViewOptions }) {
  const { initPageResult, params, searchParams } = props
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user, i18n } = req
  const reportsSlug = (props.slugs?.reports ?? 'reports') as CollectionSlug
  const agenciesSlug = (props.slugs?.agencies ?? 'agencies') as CollectionSlug
  const lang = adminLang(i18n?.language)
  const role = (user as { role?: string } | null)?.role
  const template = (children: React.ReactNode) => (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>{children}</Gutter>
    </DefaultTemplate>
  )
  if (!user || (role !== 'admin' && role !== 'supervisor')) {
    return template(<p data-xxgk-dashboard-denied="">{translate(lang, 'dashboardNoAccess')}</p>)
  }

  const today = chinaDate(new Date())!
  const thisYear = Number(today.slice(0, 4))
  const requested = Number(Array.isArray(searchParams?.year) ? searchParams.year[0] : searchParams?.year)
  const year = Number.isSafeInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : thisYear - 1

  const slugs = { ...DEFAULT_SLUGS, reports: reportsSlug, agencies: agenciesSlug }
  // the newest version of every report (drafts too), review states and open comments
  const data = await dashboardData(req, slugs, { year, today, rollup: true })
  const { rows, queue, missing } = data
  const ownAgency = data.root
  const rollup = data.rollup ?? null
  const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => thisYear - i)
  const chartYears = Array.from({ length: CHART_YEARS }, (_, i) => year - CHART_YEARS + 1 + i)

  return template(
    <DashboardClient
      year={year}
      years={years.includes(year) ? years : [year, ...years]}
      rows={rows}
      queue={queue}
      missing={missing}
      rollup={rollup}
      statsAgency={ownAgency}
      chartYears={chartYears}
      reportsSlug={reportsSlug}
      adminRoute={payload.config.routes.admin}
    />,
  )
}
