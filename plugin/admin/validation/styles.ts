export const VALIDATION_CSS = `
.xxgk-validation { margin-bottom: 24px; }
.xxgk-validation h3 { margin: 0 0 8px; }
.xxgk-validation h4 { margin: 16px 0 6px; }
.xxgk-validation__note { color: var(--theme-elevation-600); font-size: 12px; margin: 0 0 8px; }
.xxgk-issues { border-collapse: collapse; width: 100%; font-size: 13px; }
.xxgk-issues th, .xxgk-issues td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--theme-elevation-150); }
.xxgk-issues th { font-weight: 500; color: var(--theme-elevation-650); }
.xxgk-issues__rule { font-family: var(--font-mono, monospace); font-size: 11px; color: var(--theme-elevation-550); }
.xxgk-pill { display: inline-block; padding: 1px 8px; border-radius: 9px; font-size: 12px; white-space: nowrap; }
.xxgk-pill--error { background: var(--theme-error-100, #fde2e2); color: var(--theme-error-750, #9b1c1c); }
.xxgk-pill--warning { background: var(--theme-warning-100, #fdf2d0); color: var(--theme-warning-750, #7a5a00); }
.xxgk-pill--ok { background: var(--theme-success-100, #dcf5e3); color: var(--theme-success-750, #1e6b38); }
.xxgk-pill--muted { background: var(--theme-elevation-100); color: var(--theme-elevation-700); }
.xxgk-validation details summary { cursor: pointer; margin: 12px 0 6px; }
`
