'use client'
/** On the admin's home page, for administrators and supervisors: the way to the reports overview (and its 待审核 queue). */
import { useAuth, useConfig } from '@payloadcms/ui'
import React from 'react'
import { useXxgkT } from '../hooks.ts'
import { DASHBOARD_PATH } from './path.ts'

export function DashboardHomeLink(props: { path?: string }) {
  const { user } = useAuth()
  const { config } = useConfig()
  const { t, lang } = useXxgkT()
  const role = (user as { role?: string } | null)?.role
  if (role !== 'admin' && role !== 'supervisor') return null
  return (
    <div style={{ margin: '0 0 24px', padding: 16, border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }} data-xxgk-home-dashboard="">
      <a className="btn btn--style-primary" style={{ margin: 0 }} href={`${config.routes?.admin ?? '/admin'}${props.path ?? DASHBOARD_PATH}`}>
        {t('dashboardTitle')}
      </a>
      <span style={{ marginLeft: 12 }}>
        {lang === 'zh'
          ? '下级机关年报的填报、审核（待审核）与发布情况'
          : 'The reports of the agencies below yours: drafts, review (awaiting review) and publication'}
      </span>
    </div>
  )
}
