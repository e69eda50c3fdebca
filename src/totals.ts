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

/** Cross-year equations (X.CARRY, X.IN_FORCE): a computed target follows last year's report. */
const FOLLOWING_RULES = new Set(RULES.filter((r) => r.kind === 'equation' && r.terms.some((t) => t.from === 'previous')).map((r) => r.id))

export interface FillComputedOptions {
  /**
   * Cells whose stored value was computed, not entered (blank totals a save filled, in-force
   * counts carried from last year): they are recomputed from their parts, whatever they hold.
   */
  computed?: Iterable<string>
  /** The same agency's report of the year before: computed in-force counts follow it (X.IN_FORCE). */
  previous?: unknown
}

function setCell(root: Record<string, unknown>, path: string, value: number | null) {
  const keys = path.split('.')
  let node = root
  for (const key of keys.slice(0, -1)) {
    const next = node[key]
    node = (typeof next === 'object' && next !== null ? next : (node[key] = {})) as Record<string, unknown>
  }
  node[keys[keys.length - 1]!] = value
}

/**
 * A copy of the report with its computed cells following their parts: each cell listed in
 * `computed` is cleared, then blank totals are filled (see `blankTotals`), then a computed
 * cross-year cell (X.IN_FORCE's in-force count) is last year's value plus this year's terms.
 * `filled` lists every cell that now holds a computed value; `cleared` the computed cells left
 * blank (all their parts blank).
 */
export function fillComputed<T>(report: T, options: FillComputedOptions = {}): { report: T; filled: FilledTotal[]; cleared: string[] } {
  const computed = new Set(options.computed ?? [])
  const edition = (report as { edition?: unknown } | null)?.edition
  if (computed.size === 0 || !isEditionId(edition)) return { ...fillBlankTotals(report), cleared: [] }
  const { byPath, position } = editionIndex(edition)
  const copy = structuredClone(report) as Record<string, unknown>
  for (const path of computed) if (byPath.has(path)) setCell(copy, path, null)

  // first the cross-year cells (they read last year and this year's entered cells), then the totals
  const filled: FilledTotal[] = []
  const previous = options.previous as { edition?: unknown } | null | undefined
  if (previous && isEditionId(previous.edition)) {
    const prev = readReport(previous.edition, previous).values
    const prevPosition = editionIndex(previous.edition).position
    const { values } = readReport(edition, copy)
    for (const check of equationChecks(edition)) {
      if (!FOLLOWING_RULES.has(check.rule) || !computed.has(check.target) || values[position.get(check.target)!] !== null) continue
      let sum = 0
      let usable = true
      for (const term of check.terms) {
        const value = term.from === 'previous' ? prev[prevPosition.get(term.cell) ?? -1] : values[position.get(term.cell)!]
        if (value === INVALID || (term.from === 'previous' && (value === null || value === undefined))) usable = false
        else if (typeof value === 'number') sum += term.sign * value
      }
      if (!usable) continue
      setCell(copy, check.target, sum)
      filled.push({ path: check.target, value: sum })
    }
  }
  const totals = blankTotals(copy)
  for (const { path, value } of totals) setCell(copy, path, value)
  filled.push(...totals)
  const now = new Set(filled.map((f) => f.path))
  const cleared = [...computed].filter((p) => byPath.has(p) && !now.has(p))
  return { report: copy as T, filled, cleared }
}

/**
 * What each blank cell an equation of this report computes would hold (T3.BALANCE's
 * 四、结转下年度继续办理, for one): shown greyed in the empty cell, never stored. Cross-year
 * equations and equations whose every input is blank are left out.
 */
export function blankComputedValues(report: unknown): FilledTotal[] {
  const edition = (report as { edition?: unknown } | null)?.edition
  if (!isEditionId(edition)) return []
  const { cells, position } = editionIndex(edition)
  const { values } = readReport(edition, report)
  const found: FilledTotal[] = []
  const seen = new Set<number>()
  for (const check of equationChecks(edition)) {
    if (check.terms.some((t) => t.from === 'previous')) continue
    const target = position.get(check.target)!
    if (values[target] !== null || seen.has(target)) continue
    let sum = 0
    let any = false
    let usable = true
    for (const term of check.terms) {
      const value = values[position.get(term.cell)!]
      if (value === INVALID) usable = false
      else if (typeof value === 'number') {
        sum += term.sign * value
        any = true
      }
    }
    if (!usable || !any) continue
    seen.add(target)
    found.push({ path: cells[target]!.path, value: sum })
  }
  return found
}
