'use client'
/** The dashboard's link in the admin navigation, for administrators and supervisors. */
import { useAuth, useConfig } from '@payloadcms/ui'
import React from 'react'
import { useXxgkT } from '../hooks.ts'
import { DASHBOARD_PATH } from './path.ts'

export function DashboardNavLink(props: { path?: string }) {
  const { user } = useAuth()
  const { config } = useConfig()
  const { t } = useXxgkT()
  const role = (user as { role?: string } | null)?.role
  if (role !== 'admin' && role !== 'supervisor') return null
  return (
    <a className="nav__link" href={`${config.routes?.admin ?? '/admin'}${props.path ?? DASHBOARD_PATH}`} data-xxgk-dashboard-link="">
      <span className="nav__link-label">{t('dashboardNav')}</span>
    </a>
  )
}
