import type { FileOutcome, ImportSummary } from './types.ts'

const STATUS = {
  imported: '✓ 新建 imported',
  updated: '↻ 更新 updated ',
  failed: '✗ 失败 failed  ',
} as const

/** One line for a file's outcome: where its report went, or why it did not. */
export function outcomeLine(outcome: FileOutcome): string {
  if (outcome.status === 'failed') return `${STATUS.failed} ${outcome.file}: ${outcome.reason.zh} / ${outcome.reason.en}`
  const { doc, agency } = outcome
  const draft = outcome.publishedVersionKept ? '新草稿，已发布版本保留 new draft over the published version' : '草稿 draft'
  const counts = `${doc.errorCount} 错误 errors, ${doc.warningCount} 警告 warnings, ${outcome.ambiguities.length} 歧义 ambiguities`
  return `${STATUS[outcome.status]} ${outcome.file} → ${agency.name} ${doc.year} · reports/${String(doc.id)} ${draft} · ${counts}`
}

/** The closing summary: counts, agencies created (with how their kind and level were set), skipped files, failures. */
export function summaryText(summary: ImportSummary): string {
  const lines: string[] = []
  if (summary.agencies.length) {
    lines.push('新建机关 agencies created:')
    for (const agency of summary.agencies) {
      lines.push(`  ${agency.name}${agency.guess ? ` — ${agency.guess.zh} / ${agency.guess.en}` : ''}`)
    }
  }
  if (summary.skipped.length) {
    lines.push('跳过 skipped:')
    const byReason = new Map<string, string[]>()
    for (const s of summary.skipped) {
      const key = `${s.reason.zh} / ${s.reason.en}`
      byReason.set(key, [...(byReason.get(key) ?? []), s.file])
    }
    for (const [reason, files] of byReason) lines.push(`  ${reason}: ${files.join(', ')}`)
  }
  const failures = summary.results.filter((r) => r.status === 'failed')
  lines.push(
    `合计 total: ${summary.imported} 新建 imported · ${summary.updated} 更新 updated · ${summary.failed} 失败 failed · ${summary.skipped.length} 跳过 skipped`,
  )
  if (failures.length) {
    lines.push('失败 failures:')
    for (const f of failures) lines.push(`  ${f.file}: ${f.reason.zh} / ${f.reason.en}`)
  }
  return lines.join('\n')
}
