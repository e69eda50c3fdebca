/**
 * The supervisors' dashboard, a custom admin view (server component): loads the agencies and
 * reports the user may read (access control decides: a supervisor reads its own agency and its
 * descendants) and hands them to the client view.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps, CollectionSlug, Where } from 'payload'
import React from 'react'
import { adminLang, translate } from '../translations.ts'
import { DashboardClient } from './DashboardClient.tsx'
import { chinaDate, dashboardRows } from './model.ts'
import type { DashboardAgency, DashboardReport, Id } from './model.ts'

export interface DashboardViewOptions {
  reports?: string
  agencies?: string
}

const CHART_YEARS = 6

const relation = (value: unknown): Id | null => {
  if (value === null || value === undefined) return null
  if (typeof value === 'object') return (value as { id?: Id }).id ?? null
  return value as Id
}

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

  const access = { overrideAccess: false, user, req, depth: 0, pagination: false } as const
  const agencyDocs = await payload.find({ collection: agenciesSlug, ...access })
  const agencies: DashboardAgency[] = agencyDocs.docs.map((doc) => {
    const d = doc as unknown as Record<string, unknown>
    return {
      id: d.id as Id,
      name: String(d.name ?? d.id),
      parent: relation(d.parent),
      kind: (d.kind as string) ?? null,
      level: (d.level as string) ?? null,
    }
  })
  const where: Where = { year: { equals: year } }
  const reportDocs = await payload.find({ collection: reportsSlug, where, ...access })
  const reports: DashboardReport[] = reportDocs.docs.map((doc) => {
    const d = doc as unknown as Record<string, unknown>
    return {
      id: d.id as Id,
      agency: relation(d.agency) as Id,
      year: Number(d.year),
      status: d._status === 'published' ? 'published' : 'draft',
      errorCount: typeof d.errorCount === 'number' ? d.errorCount : null,
      warningCount: typeof d.warningCount === 'number' ? d.warningCount : null,
      publishedAt: (d.publishedAt as string) ?? null,
    }
  })
  const ownAgency = role === 'supervisor' ? relation((user as { agency?: unknown }).agency) : null
  const rows = dashboardRows({ agencies, reports, year, today, roots: ownAgency !== null ? [ownAgency] : undefined })
  const years = Array.from({ length: thisYear - 2019 + 1 }, (_, i) => thisYear - i)
  const chartYears = Array.from({ length: CHART_YEARS }, (_, i) => year - CHART_YEARS + 1 + i)

  return template(
    <DashboardClient
      year={year}
      years={years.includes(year) ? years : [year, ...years]}
      rows={rows}
      statsAgency={ownAgency}
      chartYears={chartYears}
      reportsSlug={reportsSlug}
      adminRoute={payload.config.routes.admin}
    />,
  )
}
