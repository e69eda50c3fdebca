import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import type { Field, SanitizedConfig } from 'payload'
import { describe, expect, it } from 'vitest'
import { xxgkPlugin } from '../../plugin/index.ts'

/** A host config with the plugin, never connected (the adapter is only configured). */
const hostConfig = (plugin: ReturnType<typeof xxgkPlugin>): Promise<SanitizedConfig> =>
  buildConfig({
    secret: 'config-test',
    db: sqliteAdapter({ client: { url: 'file::memory:' } }),
    editor: lexicalEditor(),
    collections: [],
    plugins: [plugin],
    i18n: { translations: { zh: { xxgk: { exportTitle: '下载' } } } as never },
  })

const reportsOf = (config: SanitizedConfig) => config.collections.find((c) => ['reports', 'annualReports'].includes(String(c.slug)))!

function fieldNamed(fields: readonly Field[], name: string): Field | undefined {
  for (const field of fields) {
    if ('name' in field && field.name === name) return field
    if (field.type === 'tabs')
      for (const tab of field.tabs) {
        const found = fieldNamed(tab.fields, name)
        if (found) return found
      }
  }
  return undefined
}

describe('the plugin’s admin wiring', () => {
  it('puts the grids on the tables, the live Validation view in the 校验 tab, count cells, export buttons, the dashboard and the translations', async () => {
    const config = await hostConfig(xxgkPlugin())
    const reports = reportsOf(config)
    const requests = fieldNamed(reports.fields, 'requests') as any
    expect(requests.admin.components.Field).toEqual({ path: 'xxgk/client#TableGridField', clientProps: { table: 'requests' } })
    const issues = fieldNamed(reports.fields, 'issues') as any
    expect(issues.admin.components.Field).toMatchObject({ path: 'xxgk/client#ValidationView' })
    const tabs = reports.fields.find((f) => f.type === 'tabs') as any
    expect(tabs.tabs.map((t: any) => t.label.zh)).toContain('校验')
    expect((fieldNamed(reports.fields, 'errorCount') as any).admin.components.Cell).toBe('xxgk/client#ErrorCountCell')
    expect((fieldNamed(reports.fields, 'warningCount') as any).admin.components.Cell).toBe('xxgk/client#WarningCountCell')
    expect(reports.admin.components?.edit?.beforeDocumentControls).toEqual(['xxgk/client#ExportButtons', 'xxgk/client#NextYearButton'])
    expect(reports.admin.components?.beforeListTable).toEqual(['xxgk/client#NextYearListButton', 'xxgk/client#ImportUpload'])
    // the sidebar's counts are live in the edit view; the agency is fixed for editors
    expect((fieldNamed(reports.fields, 'errorCount') as any).admin.components.Field).toEqual({
      path: 'xxgk/client#LiveCountField',
      clientProps: { count: 'errors' },
    })
    expect((fieldNamed(reports.fields, 'blankCount') as any).admin.components.Cell).toBe('xxgk/client#BlankCountCell')
    expect((fieldNamed(reports.fields, 'agency') as any).admin.components.Field).toBe('xxgk/client#AgencyField')
    expect(config.admin.components.providers).toContain('xxgk/client#LockGuard')
    expect((config.admin.components.views as any).xxgkDashboard).toMatchObject({ Component: 'xxgk/rsc#DashboardView', path: '/xxgk-dashboard' })
    expect(config.admin.components.afterNavLinks).toContain('xxgk/client#DashboardNavLink')
    expect(reports.endpoints && reports.endpoints.map((e) => `${e.method} ${e.path}`)).toContain('get /:id/export')
    const translations = config.i18n.translations as any
    expect(translations.zh.xxgk.validationTitle).toBe('校验')
    expect(translations.en.xxgk.validationTitle).toBe('Validation')
    expect(translations.zh.xxgk.exportTitle).toBe('下载') // the host's own text wins
  })

  it('takes an import endpoint, a dashboard path, custom slugs; enabled: false leaves every component out', async () => {
    const config = await hostConfig(
      xxgkPlugin({
        slugs: { reports: 'annualReports' as never },
        admin: { importEndpoint: '/api/annualReports/import', dashboard: { path: '/overview' }, exportButtons: false },
      }),
    )
    const reports = reportsOf(config)
    const slugs = { reports: 'annualReports', agencies: 'agencies' }
    expect(reports.admin.components?.beforeListTable).toEqual([
      { path: 'xxgk/client#NextYearListButton', clientProps: { slugs } },
      { path: 'xxgk/client#ImportUpload', clientProps: { slugs, endpoint: '/api/annualReports/import' } },
    ])
    expect(reports.admin.components?.edit?.beforeDocumentControls ?? []).toEqual([{ path: 'xxgk/client#NextYearButton', clientProps: { slugs } }])
    expect((fieldNamed(reports.fields, 'proactive') as any).admin.components.Field.clientProps).toEqual({ slugs, table: 'proactive' })
    expect((config.admin.components.views as any).xxgkDashboard.path).toBe('/overview')
    const noUpload = reportsOf(await hostConfig(xxgkPlugin({ admin: { importEndpoint: false } })))
    expect(noUpload.admin.components?.beforeListTable ?? []).toEqual(['xxgk/client#NextYearListButton'])
    const off = reportsOf(await hostConfig(xxgkPlugin({ enabled: false })))
    expect(JSON.stringify(off.fields)).not.toContain('xxgk/client#')
    expect(JSON.stringify(off.admin.components ?? {})).not.toContain('xxgk/client#')
  })
})
