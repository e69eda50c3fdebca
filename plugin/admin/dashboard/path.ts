/** Where the supervisors' dashboard lives under the admin route (the default; the plugin may be given another). */
export const DASHBOARD_PATH = '/xxgk-dashboard'
