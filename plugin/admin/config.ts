/**
 * How the plugin puts its admin components into a Payload config: list cells and edit-view
 * export buttons on the reports collection, the import upload above its list, the supervisors'
 * dashboard view with its navigation link, and the translations. Server-side config only.
 */
import type { CollectionConfig, Config, CustomComponent, Field } from 'payload'
import type { XxgkSlugs } from '../../collections/index.ts'
import { DASHBOARD_PATH } from './dashboard/path.ts'
import { mergeTranslations, xxgkTranslations } from './translations.ts'

export const ADMIN_COMPONENTS = {
  tableGrid: 'xxgk/client#TableGridField',
  validation: 'xxgk/client#ValidationView',
  errorCountCell: 'xxgk/client#ErrorCountCell',
  warningCountCell: 'xxgk/client#WarningCountCell',
  blankCountCell: 'xxgk/client#BlankCountCell',
  liveCount: 'xxgk/client#LiveCountField',
  agencyField: 'xxgk/client#AgencyField',
  nextYear: 'xxgk/client#NextYearButton',
  nextYearList: 'xxgk/client#NextYearListButton',
  lockGuard: 'xxgk/client#LockGuard',
  publishedAtField: 'xxgk/client#PublishedAtField',
  publishedAtCell: 'xxgk/client#PublishedAtCell',
  exportButtons: 'xxgk/client#ExportButtons',
  importUpload: 'xxgk/client#ImportUpload',
  dashboardLink: 'xxgk/client#DashboardNavLink',
  dashboardView: 'xxgk/rsc#DashboardView',
  dashboardHomeLink: 'xxgk/client#DashboardHomeLink',
  defaultLanguage: 'xxgk/client#DefaultLanguage',
  reviewPanel: 'xxgk/client#ReviewPanel',
  compareView: 'xxgk/client#CompareView',
} as const

export interface AdminOptions {
  /**
   * The upload box above the reports list posts to the plugin's import endpoint
   * (`<api>/<reports>/import`); another URL here, or `false` for no upload box.
   */
  importEndpoint?: string | false
  /** The supervisors' dashboard at `/admin<path>`; `false` leaves it out. Default path `/xxgk-dashboard`. */
  dashboard?: { path?: string } | false
  /** Export buttons on the report's edit view (default true). */
  exportButtons?: boolean
  /**
   * The admin's language for visitors who have not chosen one (whatever their browser asks for);
   * `false` leaves Payload's own choice (Accept-Language, then `i18n.fallbackLanguage`).
   * @default 'zh'
   */
  defaultLanguage?: string | false
}

/** Slugs for the client components, only when they differ from the defaults. */
export function slugProps(slugs: XxgkSlugs): { slugs?: { reports: string; agencies: string } } {
  return slugs.reports === 'reports' && slugs.agencies === 'agencies' ? {} : { slugs: { reports: slugs.reports, agencies: slugs.agencies } }
}

const component = (path: string, clientProps: Record<string, unknown>): CustomComponent => (Object.keys(clientProps).length > 0 ? { path, clientProps } : path)

const COUNT_FIELDS = {
  errorCount: { cell: ADMIN_COMPONENTS.errorCountCell, count: 'errors' },
  warningCount: { cell: ADMIN_COMPONENTS.warningCountCell, count: 'warnings' },
  blankCount: { cell: ADMIN_COMPONENTS.blankCountCell, count: 'blanks' },
} as const

/**
 * The error/warning/blank count columns of the list view as coloured cells, and the same counts
 * live in the edit view's sidebar; the agency field fixed for editors.
 */
function withCountCells(fields: Field[], slugs: XxgkSlugs): Field[] {
  const props = slugProps(slugs)
  return fields.map((field) => {
    if (!('name' in field)) return field
    if (field.name === 'agency' && field.type === 'relationship') {
      return { ...field, admin: { ...field.admin, components: { ...field.admin?.components, Field: ADMIN_COMPONENTS.agencyField } } } as Field
    }
    if (field.name === 'publishedAt' && field.type === 'date') {
      const components = { ...field.admin?.components, Field: ADMIN_COMPONENTS.publishedAtField, Cell: ADMIN_COMPONENTS.publishedAtCell }
      return { ...field, admin: { ...field.admin, components } } as Field
    }
    const count = COUNT_FIELDS[field.name as keyof typeof COUNT_FIELDS]
    if (!count || field.type !== 'number') return field
    const Field = component(ADMIN_COMPONENTS.liveCount, { ...props, count: count.count })
    return { ...field, admin: { ...field.admin, components: { ...field.admin?.components, Cell: count.cell, Field } } } as Field
  })
}

export function withReportAdmin(collection: CollectionConfig, slugs: XxgkSlugs, options: AdminOptions = {}): CollectionConfig {
  const props = slugProps(slugs)
  const components = { ...collection.admin?.components }
  if (options.exportButtons !== false) {
    components.edit = {
      ...components.edit,
      beforeDocumentControls: [...(components.edit?.beforeDocumentControls ?? []), component(ADMIN_COMPONENTS.exportButtons, props)],
    }
  }
  components.edit = {
    ...components.edit,
    beforeDocumentControls: [...(components.edit?.beforeDocumentControls ?? []), component(ADMIN_COMPONENTS.nextYear, props)],
  }
  components.beforeListTable = [...(components.beforeListTable ?? []), component(ADMIN_COMPONENTS.nextYearList, props)]
  if (options.importEndpoint !== false) {
    components.beforeListTable = [
      ...(components.beforeListTable ?? []),
      component(ADMIN_COMPONENTS.importUpload, { ...props, ...(options.importEndpoint && { endpoint: options.importEndpoint }) }),
    ]
  }
  return { ...collection, admin: { ...collection.admin, components }, fields: withCountCells(collection.fields, slugs) }
}

export function withAdminViews(config: Config, slugs: XxgkSlugs, options: AdminOptions = {}): Config {
  const admin = { ...config.admin, components: { ...config.admin?.components } }
  if (options.dashboard !== false) {
    const path = options.dashboard?.path ?? DASHBOARD_PATH
    admin.components.views = {
      ...admin.components.views,
      xxgkDashboard: { Component: component(ADMIN_COMPONENTS.dashboardView, slugProps(slugs)), path: path as `/${string}` },
    }
    admin.components.beforeDashboard = [
      ...(admin.components.beforeDashboard ?? []),
      component(ADMIN_COMPONENTS.dashboardHomeLink, path === DASHBOARD_PATH ? {} : { path }),
    ]
    admin.components.afterNavLinks = [
      ...(admin.components.afterNavLinks ?? []),
      component(ADMIN_COMPONENTS.dashboardLink, path === DASHBOARD_PATH ? {} : { path }),
    ]
  }
  admin.components.providers = [...(admin.components.providers ?? []), ADMIN_COMPONENTS.lockGuard]
  const language = options.defaultLanguage ?? 'zh'
  if (language !== false) {
    admin.components.providers = [...(admin.components.providers ?? []), { path: ADMIN_COMPONENTS.defaultLanguage, clientProps: { language } }]
  }
  const i18n = config.i18n ?? {}
  return {
    ...config,
    admin,
    i18n: { ...i18n, translations: mergeTranslations(xxgkTranslations, i18n.translations as never) as never },
  }
}
