/** The admin's server components (`xxgk/rsc#<Name>`). */
export { DashboardView } from './dashboard/DashboardView.tsx'
