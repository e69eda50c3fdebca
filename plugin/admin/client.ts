'use client'
/**
 * The admin's client components (re-exported by the package's `./client` entry,
 * plugin/client.tsx, as `xxgk/client#<Name>`).
 */
export { TableGridField } from './TableGridField.tsx'
export { ValidationView } from './validation/ValidationView.tsx'
export { BlankCountCell, ErrorCountCell, WarningCountCell } from './list/CountCells.tsx'
export { ExportButtons } from './ExportButtons.tsx'
export { ImportUpload } from './ImportUpload.tsx'
export { DashboardClient } from './dashboard/DashboardClient.tsx'
export { DashboardNavLink } from './dashboard/DashboardNavLink.tsx'
export { DefaultLanguage } from './DefaultLanguage.tsx'
export { AgencyField } from './year/AgencyField.tsx'
export { LiveCountField } from './year/LiveCountField.tsx'
export { LockGuard } from './year/LockGuard.tsx'
export { NextYearButton, NextYearListButton } from './year/NextYearButton.tsx'
export { PublishedAtCell, PublishedAtField } from './year/DateFields.tsx'
export { ReviewPanel } from './review/ReviewPanel.tsx'
export { CompareView } from './review/CompareView.tsx'
export { DashboardHomeLink } from './dashboard/DashboardHomeLink.tsx'
