/**
 * The plugin's admin styles, on Payload's theme variables (light and dark). Every component
 * renders <AdminStyles />; React hoists it once into <head> (same href).
 */
import React from 'react'

export const ADMIN_CSS = `/* grid */
.xxgk-grid { margin: 0 0 24px; }
.xxgk-grid__title { margin: 0 0 4px; font-size: 1.15rem; }
.xxgk-grid__note, .xxgk-grid__hint { margin: 0 0 8px; color: var(--theme-elevation-600); font-size: 12px; }
.xxgk-grid__scroll { overflow-x: auto; }
.xxgk-grid table { border-collapse: collapse; width: 100%; min-width: 720px; table-layout: fixed; font-size: 13px; }
.xxgk-grid th, .xxgk-grid td { border: 1px solid var(--theme-elevation-200); padding: 0; }
.xxgk-grid th { background: var(--theme-elevation-50); font-weight: 500; padding: 4px 6px; text-align: center; vertical-align: middle; line-height: 1.35; }
/* long English headers (Public-interest organisations …) wrap inside their column instead of overlapping the next */
.xxgk-grid th { overflow-wrap: anywhere; hyphens: auto; }
.xxgk-grid[data-xxgk-grid="requests"] table { min-width: 900px; }
.xxgk-grid th[data-role="row"], .xxgk-grid th[data-role="group"] { text-align: left; }
.xxgk-grid th[data-role="subtable"] { text-align: left; font-weight: 600; background: var(--theme-elevation-100); }
.xxgk-grid th[data-role="note"] { font-size: 11px; color: var(--theme-elevation-650); }
.xxgk-grid td { position: relative; background: var(--theme-input-bg, var(--theme-elevation-0)); }
.xxgk-grid input { display: block; width: 100%; box-sizing: border-box; border: 0; margin: 0; background: transparent; padding: 6px 8px;
  text-align: right; font: inherit; font-variant-numeric: tabular-nums; color: var(--theme-text); border-radius: 0; }
.xxgk-grid input:focus { outline: 2px solid var(--theme-success-500); outline-offset: -2px; }
.xxgk-grid input::placeholder { color: var(--theme-elevation-400); font-style: italic; opacity: 1; }
.xxgk-grid input[readonly] { cursor: default; }
.xxgk-grid td[data-total] input { font-weight: 600; }
.xxgk-grid td[data-mark="error"] { background: color-mix(in srgb, var(--theme-error-500) 16%, var(--theme-elevation-0)); box-shadow: inset 0 0 0 2px var(--theme-error-500); }
.xxgk-grid td[data-mark="warning"] { background: color-mix(in srgb, var(--theme-warning-500) 16%, var(--theme-elevation-0)); box-shadow: inset 0 0 0 1px var(--theme-warning-500); }
.xxgk-grid td[data-mark="blank"] input { text-decoration: underline dotted var(--theme-elevation-400); }
.xxgk-grid td[data-related] { background: color-mix(in srgb, var(--theme-success-500) 10%, var(--theme-elevation-0)); }
.xxgk-grid td[data-ambiguous]::after { content: ''; position: absolute; top: 0; left: 0; border-style: solid; border-width: 8px 8px 0 0;
  border-color: var(--theme-warning-600, #b7791f) transparent transparent transparent; pointer-events: none; }
.xxgk-grid td[data-mark="error"]::before { content: ''; position: absolute; top: 0; right: 0; border-style: solid; border-width: 0 8px 8px 0;
  border-color: transparent var(--theme-error-500) transparent transparent; pointer-events: none; }
.xxgk-grid__details { position: sticky; bottom: 0; z-index: 1; margin-top: 8px; padding: 8px 12px; min-height: 3.2em;
  border: 1px solid var(--theme-elevation-200); background: var(--theme-elevation-50); font-size: 13px; }
.xxgk-grid__details[data-empty] { position: static; visibility: hidden; }
.xxgk-grid__details h5 { margin: 0 0 4px; font-size: 13px; }
.xxgk-grid__details ul { margin: 4px 0 0; padding-left: 1.2em; }
.xxgk-grid__details li[data-severity="error"] { color: var(--theme-error-600, var(--theme-error-500)); }
.xxgk-grid__details li[data-severity="warning"] { color: var(--theme-warning-700, var(--theme-text)); }
.xxgk-grid__status { color: var(--theme-elevation-700); }
.xxgk-grid__ambiguity { margin-top: 6px; padding-top: 6px; border-top: 1px dashed var(--theme-elevation-250); }
.xxgk-grid__ambiguity button { margin: 4px 6px 0 0; }
.xxgk-grid__candidate[data-chosen] { font-weight: 600; }
.xxgk-grid__ambiguity-source { margin: 2px 0 4px; font-family: var(--font-mono, monospace); font-size: 12px; overflow-wrap: anywhere; }
/* the reports list (the table with the error counts) fits its width whatever the content: fixed
   layout, title and agency wider, the short columns share the rest (Payload gives each 150 px) */
.collection-list .table table:has(td.cell-errorCount) { table-layout: fixed; }
.collection-list .table table:has(td.cell-errorCount) :is(th, td) { min-width: 0; overflow-wrap: anywhere; }
.collection-list .table table:has(td.cell-errorCount) th#heading-_select { width: 48px; }
.collection-list .table table:has(td.cell-errorCount) th#heading-title { width: 24%; }
.collection-list .table table:has(td.cell-errorCount) th#heading-agency { width: 15%; }
/* comparison with last year: both years in each cell of the printed layout */
.xxgk-compare td { padding: 3px 6px; text-align: right; font-variant-numeric: tabular-nums; vertical-align: top; }
.xxgk-compare td[data-changed] { background: var(--theme-elevation-50); }
.xxgk-compare__now { display: block; font-weight: 600; }
.xxgk-compare__before { display: block; font-size: 11px; color: var(--theme-elevation-600); white-space: nowrap; }
.xxgk-compare__change { color: var(--theme-text); }
.xxgk-compare__findings { margin: 6px 0 0; padding-left: 1.2em; font-size: 12px; color: var(--theme-warning-700, var(--theme-text)); }
/* validation, pills */
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
/* narrow windows (1024 px): the edit view's tab bar wraps (校验 / Validation stays in view); the
   reports list's long texts wrap and the table scrolls instead of cutting columns */
.tabs-field__tabs { flex-wrap: wrap; row-gap: 2px; }
.collection-list .table { overflow-x: auto; }
.collection-list td.cell-title { white-space: normal; min-width: 12em; }
.collection-list td.cell-edition, .collection-list td.cell-agency { white-space: normal; }
.xxgk-btn--link { border: 0; background: none; padding: 0 2px; color: var(--theme-success-750, inherit); text-decoration: underline; }
.xxgk-validation__blank-cells { columns: 2 18em; margin: 4px 0 8px; padding-left: 1.2em; font-size: 12px; }
/* buttons */
.xxgk-btn { font: inherit; font-size: 12px; line-height: 1.4; padding: 3px 10px; border-radius: 3px; cursor: pointer; white-space: nowrap;
  border: 1px solid var(--theme-elevation-300); background: var(--theme-elevation-0); color: var(--theme-text); }
.xxgk-btn:hover { background: var(--theme-elevation-100); }
.xxgk-btn:disabled { opacity: .5; cursor: default; }
`

export function AdminStyles() {
  return (
    <style href="xxgk-admin" precedence="default">
      {ADMIN_CSS}
    </style>
  )
}
