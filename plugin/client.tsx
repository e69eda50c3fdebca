'use client'
/**
 * Admin components of the plugin, registered as `xxgk/client#<Name>` (this file is the
 * package's `./client` export). Client components only: no server imports here.
 */
import { useField } from '@payloadcms/ui'
import type { JSONFieldClientComponent } from 'payload'
import type { Ambiguity as SchemaAmbiguity } from '@xxgk/schema'
import React from 'react'

export {
  AgencyField,
  BlankCountCell,
  LiveCountField,
  LockGuard,
  NextYearButton,
  NextYearListButton,
  PublishedAtCell,
  PublishedAtField,
  DashboardClient,
  DashboardNavLink,
  DashboardHomeLink,
  DefaultLanguage,
  ErrorCountCell,
  ExportButtons,
  ImportUpload,
  TableGridField,
  ValidationView,
  ReviewPanel,
  CompareView,
  WarningCountCell,
} from './admin/client.ts'

interface StoredIssue {
  rule: string
  severity: 'error' | 'warning'
  path: string
  message?: { zh?: string; en?: string }
}

const cell: React.CSSProperties = { padding: '4px 8px', borderBottom: '1px solid var(--theme-elevation-100)', verticalAlign: 'top' }

type Ambiguity = Partial<Omit<SchemaAmbiguity, 'reason'>> & { reason?: string | { zh?: string; en?: string } }

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))

/** The importer's ambiguous readings ({ path, candidates, chosen, reason }), read-only. */
export const AmbiguitiesField: JSONFieldClientComponent = ({ path, field }) => {
  const { value } = useField<Ambiguity[] | null>({ path: path ?? field.name })
  const items = Array.isArray(value) ? value : []
  return (
    <div className="field-type xxgk-ambiguities" style={{ marginBottom: 24 }}>
      <h4 style={{ margin: '0 0 8px' }}>导入时的歧义 / Import ambiguities：{items.length}</h4>
      {items.length === 0 ? (
        <p>没有 / None.</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
          <thead>
            <tr>
              <th style={cell}>单元格 / Cell</th>
              <th style={cell}>候选 / Candidates</th>
              <th style={cell}>采用 / Chosen</th>
              <th style={cell}>理由 / Reason</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <tr key={`${item.path ?? ''}:${i}`}>
                <td style={{ ...cell, fontFamily: 'monospace' }}>{item.path}</td>
                <td style={cell}>{(item.candidates ?? []).map(show).join(' | ')}</td>
                <td style={cell}>{show(item.chosen)}</td>
                <td style={cell}>
                  {typeof item.reason === 'object' && item.reason !== null ? (
                    <>
                      <div>{item.reason.zh}</div>
                      <div style={{ opacity: 0.75 }}>{item.reason.en}</div>
                    </>
                  ) : (
                    item.reason
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

/** The stored rule issues of a report, errors first, each with its cell path and both languages. */
export const IssuesField: JSONFieldClientComponent = ({ path, field }) => {
  const { value } = useField<StoredIssue[] | null>({ path: path ?? field.name })
  const issues = Array.isArray(value) ? value : []
  const errors = issues.filter((i) => i.severity === 'error').length
  return (
    <div className="field-type xxgk-issues" style={{ marginBottom: 24 }}>
      <h4 style={{ margin: '0 0 8px' }}>
        规则检查结果 / Rule check results：{errors} 个错误 errors，{issues.length - errors} 个警告 warnings
      </h4>
      {issues.length === 0 ? (
        <p>没有问题 / No issues.</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
          <thead>
            <tr>
              <th style={cell}>级别 / Severity</th>
              <th style={cell}>规则 / Rule</th>
              <th style={cell}>单元格 / Cell</th>
              <th style={cell}>说明 / Message</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, i) => (
              <tr key={`${issue.rule}:${issue.path}:${i}`} data-severity={issue.severity}>
                <td style={{ ...cell, color: issue.severity === 'error' ? 'var(--theme-error-500)' : 'var(--theme-warning-500)' }}>
                  {issue.severity === 'error' ? '错误 error' : '警告 warning'}
                </td>
                <td style={cell}>{issue.rule}</td>
                <td style={{ ...cell, fontFamily: 'monospace' }}>{issue.path}</td>
                <td style={cell}>
                  <div>{issue.message?.zh}</div>
                  <div style={{ opacity: 0.75 }}>{issue.message?.en}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
