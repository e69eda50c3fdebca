import { INVALID, readReport } from './conforms.ts'
import { editionIndex, isEditionId } from './editions/index.ts'
import { equationChecks } from './rules/compile.ts'
import { RULES } from './rules/definitions.ts'

const TOTAL_RULES = new Set(RULES.filter((r) => r.kind === 'equation' && r.fillsBlankTarget).map((r) => r.id))

export interface FilledTotal {
  path: string
  value: number
}

/**
 * The computed value of every blank total cell whose inputs are not all blank, as an editor
 * or a save hook would fill them. A total that is given is never touched (a wrong one is a
 * rule error, not something to overwrite). Totals feeding other totals (the outcome rows'
 * totals into 三（七）总计) are resolved in dependency order.
 */
export function blankTotals(report: unknown): FilledTotal[] {
  if (typeof report !== 'object' || report === null) return []
  const edition = (report as { edition?: unknown }).edition
  if (!isEditionId(edition)) return []
  const { cells, position } = editionIndex(edition)
  const { values } = readReport(edition, report)
  const checks = equationChecks(edition)
    .filter((c) => TOTAL_RULES.has(c.rule))
    .map((c) => ({ target: position.get(c.target)!, terms: c.terms.map((t) => ({ at: position.get(t.cell)!, sign: t.sign })) }))
  const filled: FilledTotal[] = []
  const targets = new Set(checks.map((c) => c.target))
  // First only checks none of whose inputs is a still-blank total (so 三（七）总计's total waits
  // for the outcome rows' totals); then the rest, whose blank total inputs could not be filled.
  for (const waitForTotals of [true, false]) {
    for (let changed = true; changed;) {
      changed = false
      for (const check of checks) {
        if (values[check.target] !== null) continue
        let sum = 0
        let any = false
        let usable = true
        for (const term of check.terms) {
          const value = values[term.at]
          if (value === INVALID) usable = false
          else if (value !== null && value !== undefined) {
            sum += term.sign * value
            any = true
          } else if (waitForTotals && targets.has(term.at)) usable = false
        }
        if (!usable || !any) continue
        values[check.target] = sum
        filled.push({ path: cells[check.target]!.path, value: sum })
        changed = true
      }
    }
  }
  return filled
}

/** A copy of the report with its blank totals filled (see `blankTotals`). */
export function fillBlankTotals<T>(report: T): { report: T; filled: FilledTotal[] } {
  const filled = blankTotals(report)
  if (filled.length === 0) return { report, filled }
  const copy = structuredClone(report) as Record<string, unknown>
  for (const { path, value } of filled) {
    const keys = path.split('.')
    let node = copy
    for (const key of keys.slice(0, -1)) {
      const next = node[key]
      node = (typeof next === 'object' && next !== null ? next : (node[key] = {})) as Record<string, unknown>
    }
    node[keys[keys.length - 1]!] = value
  }
  return { report: copy as T, filled }
}
