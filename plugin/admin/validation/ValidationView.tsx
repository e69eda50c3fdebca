'use client'
/**
 * 校验 / Validation: every issue of the report as it stands in the form (errors first), each
 * leading to its cell, the cross-report warnings against last year's report, and the import
 * ambiguities still to confirm.
 */
import { useFormFields } from '@payloadcms/ui'
import React, { useMemo } from 'react'
import type { EditionId, Issue } from '@xxgk/schema'
import { cellsUnder, describeCandidate, isAmbiguity, reasonText } from '../grid/ambiguities.ts'
import { requestCellFocus } from '../focus.ts'
import { DEFAULT_ADMIN_SLUGS, useLiveReport, useXxgkT } from '../hooks.ts'
import type { AdminSlugs } from '../hooks.ts'
import { AdminStyles } from '../styles.tsx'
import { groupIssues, issuePlace, ruleTitle } from './model.ts'
import { messageOnCell } from '../grid/live.ts'

export interface ValidationViewProps {
  slugs?: AdminSlugs
}

type T = ReturnType<typeof useXxgkT>['t']

function IssueTable({ issues, edition, t, lang }: { issues: Issue[]; edition: EditionId; t: T; lang: 'zh' | 'en' }) {
  return (
    <table className="xxgk-issues">
      <thead>
        <tr>
          <th>{t('columnSeverity')}</th>
          <th>{t('columnRule')}</th>
          <th>{t('columnCell')}</th>
          <th>{t('columnMessage')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {issues.map((issue, i) => {
          const place = issuePlace(issue, edition, lang)
          return (
            <tr key={`${issue.rule}:${issue.path}:${i}`} data-severity={issue.severity} data-rule={issue.rule} data-path={issue.path}>
              <td>
                <span className={`xxgk-pill xxgk-pill--${issue.severity}`}>{issue.severity === 'error' ? t('severityError') : t('severityWarning')}</span>
              </td>
              <td>
                {ruleTitle(issue.rule)[lang]}
                <div className="xxgk-issues__rule">{issue.rule}</div>
              </td>
              <td>
                {place.label}
                {place.cell && <div className="xxgk-issues__rule">{issue.path}</div>}
              </td>
              <td>{messageOnCell(issue.message, issue.path)[lang]}</td>
              <td style={{ whiteSpace: 'nowrap' }}>
                {place.cell && (
                  <button type="button" className="xxgk-btn" onClick={() => requestCellFocus(issue.path)}>
                    {t('goToCell')}
                  </button>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

export function ValidationView(props: ValidationViewProps) {
  const slugs = props.slugs ?? DEFAULT_ADMIN_SLUGS
  const { check, previous } = useLiveReport(slugs)
  const { t, lang } = useXxgkT()
  const ambiguityList = useFormFields(([fields]) => fields?.ambiguities?.value)
  const groups = useMemo(() => groupIssues(check?.result.issues ?? []), [check])
  const openAmbiguities = useMemo(() => {
    if (!check || !Array.isArray(ambiguityList)) return []
    return ambiguityList.filter(isAmbiguity).filter((a) => !a.confirmed)
  }, [ambiguityList, check])

  const styles = <AdminStyles />
  if (!check) {
    return (
      <div className="xxgk-validation">
        {styles}
        <p>{t('reportNotReady')}</p>
      </div>
    )
  }
  const { errors, warnings } = check.result
  const edition = check.edition
  return (
    <div className="xxgk-validation field-type" data-xxgk-validation="" data-errors={errors} data-warnings={warnings}>
      {styles}
      <h3>{t('validationTitle')}</h3>
      <p className="xxgk-validation__summary" data-clean={errors + warnings === 0 ? '' : undefined}>
        <strong>{t('validationSummary', { errors, warnings })}</strong>{' '}
        {errors > 0 ? t('validationBlocks') : errors + warnings === 0 ? t('validationClean') : ''}
      </p>
      <p className="xxgk-validation__note">{t('validationLive')}</p>

      {groups.errors.length > 0 && (
        <section data-section="errors">
          <h4>
            {t('validationErrors')}（{groups.errors.length}）
          </h4>
          <IssueTable issues={groups.errors} edition={edition} t={t} lang={lang} />
        </section>
      )}
      {groups.warnings.length > 0 && (
        <section data-section="warnings">
          <h4>
            {t('validationWarnings')}（{groups.warnings.length}）
          </h4>
          <IssueTable issues={groups.warnings} edition={edition} t={t} lang={lang} />
        </section>
      )}
      {groups.blanks.length > 0 && (
        <details data-section="blanks">
          <summary>{t('blankCells', { count: groups.blanks.length })}</summary>
          <IssueTable issues={groups.blanks} edition={edition} t={t} lang={lang} />
        </details>
      )}

      <section data-section="cross-report">
        <h4>{t('crossReport')}</h4>
        <p>
          {previous.loading
            ? t('previousLoading')
            : previous.previous
              ? t('previousFound', { title: previous.previous.title || `${previous.previous.year}` })
              : t('previousMissing', { year: previous.year ?? '—' })}
        </p>
        {groups.crossReport.length > 0 ? (
          <IssueTable issues={groups.crossReport} edition={edition} t={t} lang={lang} />
        ) : (
          previous.previous && <p>{t('crossReportClean')}</p>
        )}
      </section>

      {openAmbiguities.length > 0 && (
        <section data-section="ambiguities">
          <h4>{t('ambiguitiesOpen', { count: openAmbiguities.length })}</h4>
          <ul>
            {openAmbiguities.map((a, i) => (
              <li key={i} data-path={a.path}>
                <code>{a.path}</code>：{reasonText(a.reason, lang)}{' '}
                {a.chosen !== null && a.chosen !== undefined && t('ambiguityChosen', { value: describeCandidate(a.chosen, a.path, edition, lang) })}{' '}
                {cellsUnder(a.path, edition).length > 0 && (
                  <button type="button" className="xxgk-btn" onClick={() => requestCellFocus(cellsUnder(a.path, edition)[0]!)}>
                    {t('goToCell')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
