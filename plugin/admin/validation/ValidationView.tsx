'use client'
/**
 * 校验 / Validation: every issue of the report as it stands in the form (errors first), each
 * leading to its cell, the cross-report warnings against last year's report, and the import
 * ambiguities still to confirm.
 */
import { useDocumentInfo, useForm, useFormFields } from '@payloadcms/ui'
import React, { useCallback, useMemo } from 'react'
import { getEdition, getTable } from '@xxgk/schema'
import type { EditionId, Issue, TableKey } from '@xxgk/schema'
import { cellsUnder, describeCandidate, isAmbiguity, reasonText } from '../grid/ambiguities.ts'
import { requestCellFocus } from '../focus.ts'
import { COMPUTED_FIELD, DEFAULT_ADMIN_SLUGS, useLiveReport, useXxgkT } from '../hooks.ts'
import type { AdminSlugs } from '../hooks.ts'
import { AdminStyles } from '../styles.tsx'
import { blankCellLabels, canTakePrevious, groupIssues, issuePlace, ruleTitle } from './model.ts'
import { messageOnCell } from '../grid/live.ts'

export interface ValidationViewProps {
  slugs?: AdminSlugs
}

function blankTableLabel(issue: Issue, edition: EditionId, lang: 'zh' | 'en'): string {
  return getTable(getEdition(edition), issue.path as TableKey)?.label[lang] ?? issue.path
}

type T = ReturnType<typeof useXxgkT>['t']

function IssueTable({
  issues,
  edition,
  t,
  lang,
  onTakePrevious,
}: {
  issues: Issue[]
  edition: EditionId
  t: T
  lang: 'zh' | 'en'
  /** Cross-year warnings: one click takes last year's value into the cell. */
  onTakePrevious?: (issue: Issue) => void
}) {
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
                {onTakePrevious && canTakePrevious(issue) && (
                  <button type="button" className="xxgk-btn" data-take-previous={issue.path} onClick={() => onTakePrevious(issue)}>
                    {t('takePrevious', { value: String(issue.computed) })}
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
  const { dispatchFields, setModified } = useForm()
  const { hasSavePermission } = useDocumentInfo()
  const computed = useFormFields(([fields]) => fields?.[COMPUTED_FIELD]?.value)
  // last year's value into the cell, which then follows last year's report like any computed cell
  const takePrevious = useCallback(
    (issue: Issue) => {
      const list = Array.isArray(computed) ? (computed as unknown[]).filter((p) => p !== issue.path) : []
      dispatchFields({ type: 'UPDATE', path: issue.path, value: issue.computed, valid: true, errorMessage: undefined })
      dispatchFields({ type: 'UPDATE', path: COMPUTED_FIELD, value: [...list, issue.path] })
      setModified(true)
    },
    [computed, dispatchFields, setModified],
  )
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
  const { errors, warnings, blanks } = check.result
  const edition = check.edition
  return (
    <div className="xxgk-validation field-type" data-xxgk-validation="" data-errors={errors} data-warnings={warnings} data-blanks={blanks}>
      {styles}
      <h3>{t('validationTitle')}</h3>
      <p className="xxgk-validation__summary" data-clean={errors + warnings === 0 ? '' : undefined}>
        <strong>{t('validationSummary', { errors, warnings })}</strong>
        {blanks > 0 && <span className="xxgk-validation__blanks">（{t('validationBlanks', { count: blanks })}）</span>}{' '}
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
        <section data-section="blanks">
          <h4>{t('blankCells', { count: blanks })}</h4>
          {groups.blanks.map((issue) => (
            <details key={issue.path} data-table={issue.path} data-count={issue.cells.length}>
              <summary>{t('blankCellsIn', { table: blankTableLabel(issue, edition, lang), count: issue.cells.length })}</summary>
              <ul className="xxgk-validation__blank-cells">
                {blankCellLabels(issue, edition, lang).map(({ path, label }) => (
                  <li key={path} data-path={path}>
                    <button type="button" className="xxgk-btn xxgk-btn--link" onClick={() => requestCellFocus(path)}>
                      {label}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </section>
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
          <IssueTable issues={groups.crossReport} edition={edition} t={t} lang={lang} onTakePrevious={hasSavePermission ? takePrevious : undefined} />
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
