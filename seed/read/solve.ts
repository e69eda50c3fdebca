import { equationChecks } from '@xxgk/schema'
import type { EditionId, Label } from '@xxgk/schema'
import type { Ambiguity } from '../types.ts'
import type { StatedFigure } from './facts.ts'
import { CRITERIA } from './priors.ts'
import type { Candidate, CellOrigin, CellValue } from './split.ts'
import type { Unit } from './tables.ts'

/**
 * Chooses one reading per unit for the whole report at once. Readings are compared by, in
 * order: how many of the edition's equations (src rules: row totals, column balances, the
 * handled-sum, table-4 totals) the whole table then breaks; how many narrative figures it
 * contradicts; structural doubts (value lines left out, rows left empty); cells run across
 * spaces; and the priors of priors.ts. A unit whose reading the equations and the narrative do
 * not settle becomes an ambiguity listing every reading that survives them.
 */
export interface Solution {
  values: Map<string, CellValue>
  /** Per cell read from the source, where it was read (the chosen reading's tokens). */
  origins: Map<string, CellOrigin>
  ambiguities: Ambiguity[]
}

function setReading(unit: Unit, candidate: Candidate, values: Map<string, CellValue>, origins: Map<string, CellOrigin>) {
  unit.paths.forEach((p, i) => {
    values.set(p, candidate.values[i]!)
    const origin = candidate.origin?.[i]
    if (origin && candidate.values[i] !== null) origins.set(p, origin)
    else origins.delete(p)
  })
}

interface Equation {
  /** Per cell path, its coefficient (target −1, terms ±1). */
  coefficients: Map<string, number>
}

const SEARCH_LIMIT = 100_000

function equationsOf(edition: EditionId): Equation[] {
  return equationChecks(edition)
    .filter((c) => c.severity === 'error' && !c.terms.some((t) => t.from === 'previous'))
    .map((c) => {
      const coefficients = new Map<string, number>([[c.target, -1]])
      for (const t of c.terms) coefficients.set(t.cell, (coefficients.get(t.cell) ?? 0) + t.sign)
      return { coefficients }
    })
}

/** Prior scores of a candidate, one number per criterion. */
function priorVector(unit: Unit, candidate: Candidate, edition: EditionId): number[] {
  const rows = new Map<string, Record<string, CellValue>>()
  unit.paths.forEach((path, i) => {
    const parts = path.split('.')
    const row = parts.slice(1, -1).join('.')
    const cells = rows.get(row) ?? {}
    cells[parts[parts.length - 1]!] = candidate.values[i]!
    rows.set(row, cells)
  })
  return CRITERIA.map((c) => {
    let s = 0
    for (const [row, cells] of rows) s += c.score(unit.table, row, cells, edition)
    return s
  })
}

function compareVectors(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

export function solve(units: readonly Unit[], edition: EditionId, figures: readonly StatedFigure[]): Solution {
  const equations = equationsOf(edition)
  const values = new Map<string, CellValue>()
  const origins = new Map<string, CellOrigin>()
  const ambiguities: Ambiguity[] = []

  const free: Unit[] = []
  for (const unit of units) {
    if (unit.candidates.length === 0) {
      unit.paths.forEach((p) => values.set(p, null))
      if (unit.origin === 'missing') ambiguities.push(missingAmbiguity(unit))
      continue
    }
    if (unit.candidates.length === 1) {
      setReading(unit, unit.candidates[0]!, values, origins)
      if (unit.note) ambiguities.push(...choiceAmbiguities(unit, [0], 0, { rulesApply: false, broken: 0, soft: [[0]], exhaustive: true, figures: [] }))
    } else free.push(unit)
  }
  for (const component of components(free, equations, figures)) {
    for (const ambiguity of solveComponent(component, equations, figures, values, origins, edition)) ambiguities.push(ambiguity)
  }
  return { values, origins, ambiguities }
}

/** Free units linked by a shared equation or stated figure must be chosen together. */
function components(free: readonly Unit[], equations: readonly Equation[], figures: readonly StatedFigure[]): Unit[][] {
  const owner = new Map<string, number>()
  free.forEach((u, i) => u.paths.forEach((p) => owner.set(p, i)))
  const parent = free.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  const link = (cells: Iterable<string>) => {
    let first: number | null = null
    for (const p of cells) {
      const o = owner.get(p)
      if (o === undefined) continue
      if (first === null) first = o
      else parent[find(o)] = find(first)
    }
  }
  for (const e of equations) link(e.coefficients.keys())
  for (const f of figures) link(f.cells)
  const groups = new Map<number, Unit[]>()
  free.forEach((u, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), u]))
  return [...groups.values()]
}

function solveComponent(
  free: readonly Unit[],
  equations: readonly Equation[],
  figures: readonly StatedFigure[],
  values: Map<string, CellValue>,
  origins: Map<string, CellOrigin>,
  edition: EditionId,
): Ambiguity[] {
  const ambiguities: Ambiguity[] = []
  const freeCells = new Set(free.flatMap((u) => u.paths))
  const relevant = equations.filter((e) => [...e.coefficients.keys()].some((p) => freeCells.has(p)))
  const relevantFigures = figures.filter((f) => f.cells.some((p) => freeCells.has(p)))
  const cellOwner = new Map<string, { unit: number; at: number }>()
  free.forEach((u, ui) => u.paths.forEach((p, at) => cellOwner.set(p, { unit: ui, at })))

  // Residual of each equation from cells outside the component, and each candidate's share.
  const base = relevant.map((e) => {
    let r = 0
    for (const [p, k] of e.coefficients) if (!cellOwner.has(p)) r += k * (values.get(p) ?? 0)
    return r
  })
  const contribution = free.map((u) =>
    u.candidates.map((c) =>
      relevant.map((e) => {
        let r = 0
        u.paths.forEach((p, i) => {
          const k = e.coefficients.get(p)
          if (k) r += k * (c.values[i] ?? 0)
        })
        return r
      }),
    ),
  )
  const weight = (f: StatedFigure, k: number) => f.coefficients?.[k] ?? 1
  const figureBase = relevantFigures.map((f) => f.cells.reduce((s, p, k) => s + (cellOwner.has(p) ? 0 : weight(f, k) * (values.get(p) ?? 0)), 0))
  const figureContribution = free.map((u) =>
    u.candidates.map((c) =>
      relevantFigures.map((f) => f.cells.reduce((s, p, k) => s + (u.paths.includes(p) ? weight(f, k) * (c.values[u.paths.indexOf(p)] ?? 0) : 0), 0)),
    ),
  )
  const priors = free.map((u) => u.candidates.map((c) => priorVector(u, c, edition)))

  const hardScore = (choice: readonly number[]): [number, number] => {
    let broken = 0
    for (let e = 0; e < relevant.length; e++) {
      let r = base[e]!
      for (let u = 0; u < free.length; u++) r += contribution[u]![choice[u]!]![e]!
      if (Math.abs(r) > 1e-9) broken++
    }
    let contradicted = 0
    for (let f = 0; f < relevantFigures.length; f++) {
      let s = figureBase[f]!
      for (let u = 0; u < free.length; u++) s += figureContribution[u]![choice[u]!]![f]!
      if (Math.abs(s - relevantFigures[f]!.value) > 1e-9) contradicted++
    }
    return [broken, contradicted]
  }
  const softScore = (choice: readonly number[]): number[] => {
    let penalty = 0
    let crossings = 0
    const prior = CRITERIA.map(() => 0)
    choice.forEach((ci, u) => {
      const c = free[u]!.candidates[ci]!
      penalty += c.penalty ?? 0
      crossings += c.crossings
      priors[u]![ci]!.forEach((v, k) => (prior[k]! += v))
    })
    return [penalty, crossings, ...prior]
  }

  // Exhaustive when small, otherwise unit by unit from the likeliest start.
  const product = free.reduce((p, u) => p * u.candidates.length, 1)
  let optimal: number[][] = []
  let bestHard: [number, number] = [Infinity, Infinity]
  const exhaustive = product <= SEARCH_LIMIT
  if (exhaustive) {
    const choice = free.map(() => 0)
    const visit = (u: number) => {
      if (u === free.length) {
        const hard = hardScore(choice)
        const d = compareVectors(hard, bestHard)
        if (d < 0) {
          bestHard = hard
          optimal = [[...choice]]
        } else if (d === 0) optimal.push([...choice])
        return
      }
      for (let c = 0; c < free[u]!.candidates.length; c++) {
        choice[u] = c
        visit(u + 1)
      }
    }
    visit(0)
  } else {
    const choice = free.map(() => 0)
    for (let round = 0; round < 4; round++) {
      let changed = false
      for (let u = 0; u < free.length; u++) {
        let best = choice[u]!
        let bestScore = hardScore(choice)
        for (let c = 0; c < free[u]!.candidates.length; c++) {
          choice[u] = c
          const s = hardScore(choice)
          if (compareVectors(s, bestScore) < 0) {
            best = c
            bestScore = s
            changed = true
          }
        }
        choice[u] = best
      }
      if (!changed) break
    }
    bestHard = hardScore(choice)
    optimal = [choice]
  }

  let chosen = optimal[0]!
  let chosenSoft = softScore(chosen)
  for (const combo of optimal.slice(1)) {
    const s = softScore(combo)
    if (compareVectors(s, chosenSoft) < 0) {
      chosen = combo
      chosenSoft = s
    }
  }

  free.forEach((unit, u) => {
    const c = unit.candidates[chosen[u]!]!
    setReading(unit, c, values, origins)
    // a unit with a note (a group row, OCR columns) lists every reading, the rules' choice first
    const surviving = exhaustive && !unit.note ? [...new Set(optimal.map((combo) => combo[u]!))] : unit.candidates.map((_, i) => i)
    const touched = relevant.some((e) => unit.paths.some((p) => e.coefficients.has(p)))
    if (surviving.length > 1 || !unit.complete || c.violations > 0 || unit.note) {
      const figuresUsed = relevantFigures.filter((f) => f.cells.some((p) => unit.paths.includes(p))).map((f) => f.excerpt)
      ambiguities.push(
        ...choiceAmbiguities(unit, surviving, chosen[u]!, {
          rulesApply: touched,
          broken: bestHard[0],
          soft: unit.candidates.map((cand, i) => [cand.penalty ?? 0, cand.crossings, ...priors[u]![i]!]),
          exhaustive,
          figures: [...new Set(figuresUsed)],
        }),
      )
    }
  })
  return ambiguities
}

/** The path an ambiguity is reported on: the unit's row, or the rows' common parent. */
export function unitPath(unit: Unit): string {
  if (unit.rows.length === 1) return `${unit.table}.${unit.rows[0]}`
  const parts = unit.rows.map((r) => r.split('.'))
  const common: string[] = []
  for (let i = 0; parts.every((p) => p.length > i + 1 && p[i] === parts[0]![i]); i++) common.push(parts[0]![i]!)
  return [unit.table, ...common].join('.')
}

/** A candidate as the object it would make at the unit's path. */
export function candidateObject(unit: Unit, candidate: Candidate): unknown {
  const prefix = unitPath(unit).split('.').length
  const root: Record<string, unknown> = {}
  unit.paths.forEach((path, i) => {
    const keys = path.split('.').slice(prefix)
    let node = root
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>
    node[keys[keys.length - 1]!] = candidate.values[i]
  })
  return root
}

function missingAmbiguity(unit: Unit): Ambiguity {
  return {
    path: unitPath(unit),
    candidates: [],
    chosen: null,
    reason: {
      zh: '来源中找不到这一行的数字，各单元格留空（null）',
      en: 'no figures for this row were found in the source; its cells are left blank (null)',
    },
  }
}

const SOFT_LABELS: readonly Label[] = [
  { zh: '不舍弃完整的数值行、不留空行', en: 'no complete value line is left out and no row left empty' },
  { zh: '数字不跨越原有空格', en: 'no cell runs across a printed space' },
  ...CRITERIA.map((c) => c.label),
]

/** The object a reading makes at `prefix`, from the unit's cells under it. */
function objectAt(unit: Unit, candidate: Candidate, prefix: string): unknown {
  const depth = prefix.split('.').length
  const root: Record<string, unknown> = {}
  unit.paths.forEach((path, i) => {
    if (!path.startsWith(`${prefix}.`)) return
    const keys = path.split('.').slice(depth)
    let node = root
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>
    node[keys[keys.length - 1]!] = candidate.values[i]
  })
  return root
}

const rowOf = (path: string) => path.slice(0, path.lastIndexOf('.'))

function commonPrefix(paths: readonly string[]): string {
  const parts = paths.map((p) => p.split('.'))
  const common: string[] = []
  for (let i = 0; parts.every((p) => p.length > i && p[i] === parts[0]![i]); i++) common.push(parts[0]![i]!)
  return common.join('.')
}

/**
 * The ambiguities of a unit, each on the rows whose cells differ between the readings that
 * survive: the row, or the group of rows they share (requests.otherHandling); when the rows
 * that differ lie in different parts of the table, one ambiguity per row, never the table.
 */
function choiceAmbiguities(
  unit: Unit,
  surviving: readonly number[],
  chosen: number,
  context: { rulesApply: boolean; broken: number; soft: number[][]; exhaustive: boolean; figures: string[] },
): Ambiguity[] {
  const reason = choiceReason(unit, surviving, chosen, context)
  const differing = unit.paths.filter((_, i) => surviving.some((k) => !Object.is(unit.candidates[k]!.values[i], unit.candidates[surviving[0]!]!.values[i])))
  const cells = differing.length ? differing : unit.paths
  const rows = [...new Set(cells.map(rowOf))]
  const common = rows.length === 1 ? rows[0]! : commonPrefix(rows)
  const targets = common.includes('.') ? [common] : rows
  return targets.map((path) => {
    const seen = new Set<string>()
    const candidates: unknown[] = []
    for (const k of surviving) {
      const object = objectAt(unit, unit.candidates[k]!, path)
      const key = JSON.stringify(object)
      if (seen.has(key)) continue
      seen.add(key)
      candidates.push(object)
    }
    const others = targets.filter((t) => t !== path)
    const together: Label | null = others.length
      ? {
          zh: `与 ${others.join('、')} 一起读（同一组数字行）`,
          en: `read together with ${others.join(', ')} (the same value lines)`,
        }
      : null
    return {
      path,
      candidates,
      chosen: objectAt(unit, unit.candidates[chosen]!, path),
      reason: together ? { zh: `${reason.zh}；${together.zh}`, en: `${reason.en}; ${together.en}` } : reason,
      cells: cells.filter((c) => c.startsWith(`${path}.`)),
    }
  })
}

function choiceReason(
  unit: Unit,
  surviving: readonly number[],
  chosen: number,
  context: { rulesApply: boolean; broken: number; soft: number[][]; exhaustive: boolean; figures: string[] },
): Label {
  const n = surviving.length
  const total = unit.candidates.length
  const why: Label[] = []
  if (unit.note) why.push(unit.note)
  const figures = context.figures.length ? { zh: `正文所述（${context.figures.join('，')}）`, en: `the narrative (${context.figures.join(', ')})` } : null
  if (unit.origin === 'group') {
    // the note says it all: one reading per row of the group
  } else if (context.rulesApply) {
    why.push({
      zh: `数字连写或缺位，共 ${total} 种读法；按行总计、列平衡、办理结果总计、表四总计${figures ? `及${figures.zh}` : ''}核对后仍有 ${n} 种`,
      en: `digits run together or missing: ${total} readings; ${n} remain after row totals, column balances, the handled-sum, table-4 totals${figures ? ` and ${figures.en}` : ''}`,
    })
  } else {
    why.push({
      zh: `数字连写，可拆成 ${total} 种，此表没有勾稽关系可用${figures ? `；按${figures.zh}核对后仍有 ${n} 种` : ''}`,
      en: `digits run together: ${total} splits, and this table has no arithmetic to check them${figures ? `; ${n} remain after ${figures.en}` : ''}`,
    })
  }
  if (context.broken > 0 && context.rulesApply) why.push({ zh: '任何读法都不能满足全部规则', en: 'no reading satisfies every rule' })
  if (!unit.complete) why.push({ zh: '可能的拆分过多，只列出一部分', en: 'there are too many splits; only some are listed' })
  if (!context.exhaustive) why.push({ zh: '组合过多，逐项择优', en: 'too many combinations; chosen unit by unit' })
  // The criteria that narrowed the survivors down to the chosen reading, in order.
  let remaining = [...surviving]
  const used: Label[] = []
  for (let k = 0; k < SOFT_LABELS.length && remaining.length > 1; k++) {
    const best = remaining.reduce((min, i) => Math.min(min, context.soft[i]![k]!), Infinity)
    const kept = remaining.filter((i) => context.soft[i]![k] === best)
    if (kept.length < remaining.length && kept.includes(chosen)) used.push(SOFT_LABELS[k]!)
    remaining = kept
  }
  if (n > 1) {
    why.push(
      used.length
        ? { zh: `选用的读法：${used.map((l) => l.zh).join('，')}`, en: `chosen because ${used.map((l) => l.en).join(', and ')}` }
        : { zh: '选用第一种读法', en: 'the first reading is chosen' },
    )
  }
  return { zh: why.map((w) => w.zh).join('；'), en: why.map((w) => w.en).join('; ') }
}
