'use client'
/**
 * The admin's client components (re-exported by the package's `./client` entry,
 * plugin/client.tsx, as `xxgk/client#<Name>`).
 */
export { TableGridField } from './TableGridField'
export { ValidationView } from './validation/ValidationView'
export { ErrorCountCell, WarningCountCell } from './list/CountCells'
export { ExportButtons } from './ExportButtons'
export { ImportUpload } from './ImportUpload'
export { DashboardClient } from './dashboard/DashboardClient'
export { DashboardNavLink } from './dashboard/DashboardNavLink'
