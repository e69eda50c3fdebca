import type { CellKind } from '@xxgk/schema'
import type { BlankToken, NumToken } from './tokens.ts'

/**
 * Turns the value tokens found for a row into candidate readings of its cells. When the
 * tokens are as many as the cells, there is one reading. When digits are run together
 * (flattened pages), every split into the right number of cells is a candidate, and the row's
 * own equations (row total, table-4 group totals) keep only those that add up. When tokens are
 * missing (a blank cell that left no mark), the cells are placed by page position if known,
 * otherwise every placement of the blanks is a candidate.
 */
export type ValueToken = NumToken | BlankToken

export interface CellSpec {
  path: string
  kind: CellKind
}

/** `cells[target] = Σ sign·cells[term]`, all inside the unit. */
export interface LocalEquation {
  target: number
  terms: { at: number; sign: 1 | -1 }[]
}

export type CellValue = number | null

/** Where a cell's value was read: the printed characters (a whole run for run-together digits) and the line. */
export interface CellOrigin {
  text: string
  /** Index of the line in the document. */
  line: number
  /** Offset in the plain text. */
  at: number
  /** The text printed before the row's values on that line (its label as printed), when there is one. */
  label?: string
}

export interface Candidate {
  values: CellValue[]
  /** Local equations this reading breaks. */
  violations: number
  /** Token boundaries (spaces) a cell had to run across. */
  crossings: number
  /** Structural doubts of the reading (value rows left out, rows left empty); lower is likelier. */
  penalty?: number
  how: 'as printed' | 'split' | 'by column position' | 'blank placement' | 'shifted'
  /** Per cell, the printed text it was read from (null for a blank cell). */
  origin?: (CellOrigin | null)[]
}

const originOf = (token: ValueToken | undefined): CellOrigin | null => (token && token.t === 'num' ? { text: token.raw, line: token.line, at: token.at } : null)

/** One origin for the cells read from several tokens (a cell run across a space). */
function joinOrigins(tokens: readonly ValueToken[]): CellOrigin | null {
  const nums = tokens.filter((t) => t.t === 'num')
  if (!nums.length) return null
  return { text: nums.map((t) => t.raw).join(' '), line: nums[0]!.line, at: nums[0]!.at }
}

export interface RowReading {
  candidates: Candidate[]
  /** False when the enumeration stopped early (too many splits to list). */
  complete: boolean
}

const MAX_COUNT_DIGITS = 9
const MAX_AMOUNT_CHARS = 16
const STEP_BUDGET = 60_000
const KEEP = 400

/** 75394432.52 元 → 7539.443252 (万元), by moving the decimal point, without float error. */
export function yuanToWan(digits: string): number {
  const [int = '0', frac = ''] = digits.split('.')
  const padded = int.padStart(5, '0')
  const wan = `${padded.slice(0, padded.length - 4)}.${padded.slice(padded.length - 4)}${frac}`
  return Number(wan)
}

function valueOf(piece: string, kind: CellKind, negative: boolean, unit: NumToken['unit'], strict: boolean): number | undefined {
  if (kind === 'amount') {
    if (piece.startsWith('.') || piece.endsWith('.') || piece.indexOf('.') !== piece.lastIndexOf('.')) return undefined
    if (strict && piece.length > 1 && piece[0] === '0' && piece[1] !== '.') return undefined
    if (piece.length > MAX_AMOUNT_CHARS || negative) return undefined
    return unit === 'yuan' ? yuanToWan(piece) : Number(piece)
  }
  if (piece.includes('.')) return undefined
  if (strict && piece.length > 1 && piece[0] === '0') return undefined
  if (piece.length > MAX_COUNT_DIGITS) return undefined
  if (negative && kind !== 'signedCount') return undefined
  const n = Number(piece)
  return negative ? -n : n
}

export function violations(values: readonly CellValue[], equations: readonly LocalEquation[]): number {
  let broken = 0
  for (const eq of equations) {
    const target = values[eq.target]
    let sum = 0
    let allBlank = target === null
    for (const term of eq.terms) {
      const v = values[term.at]
      if (v !== null && v !== undefined) {
        sum += term.sign * v
        allBlank = false
      }
    }
    if (!allBlank && Math.abs((target ?? 0) - sum) > 1e-9) broken++
  }
  return broken
}

export interface ReadOptions {
  /** Column centres of this table on the page, when the source has positions (PDF). */
  centres?: readonly number[]
  /** Allow reading missing tokens as blank cells (not for flattened pages, where digits run together). */
  placement: boolean
}

export function readRow(tokens: readonly ValueToken[], cells: readonly CellSpec[], equations: readonly LocalEquation[], options: ReadOptions): RowReading {
  const n = cells.length
  const list = trimBlanks(tokens, n)
  if (list.length === n) {
    const values = list.map((t, i) => (t.t === 'blank' ? null : valueOf(t.digits, cells[i]!.kind, t.negative, t.unit, false)))
    if (values.every((v) => v !== undefined)) {
      const read = values as CellValue[]
      return {
        candidates: [{ values: read, violations: violations(read, equations), crossings: 0, how: 'as printed', origin: list.map(originOf) }],
        complete: true,
      }
    }
  }
  if (list.length < n && options.centres && list.every((t) => t.x !== undefined)) {
    const placed = placeByColumn(list, cells, options.centres)
    if (placed) {
      return {
        candidates: [
          { values: placed.values, violations: violations(placed.values, equations), crossings: 0, how: 'by column position', origin: placed.origin },
        ],
        complete: true,
      }
    }
  }
  const candidates: Candidate[] = []
  let complete = true
  if (list.length < n) {
    const split = enumerateSplits(list, cells, equations, false)
    for (const c of split.candidates) candidates.push(c)
    complete &&= split.complete
    if (options.placement) {
      const placed = enumeratePlacements(list, cells, equations)
      for (const c of placed.candidates) candidates.push(c)
      complete &&= placed.complete
    }
  }
  if (!candidates.some((c) => c.violations === 0)) {
    const crossing = enumerateSplits(list, cells, equations, true)
    for (const c of crossing.candidates) if (c.crossings > 0) candidates.push(c)
    complete &&= crossing.complete
  }
  return { candidates: rank(candidates), complete }
}

/** Empty cells beyond the row's width (a trailing empty grid column) are not cells of the row. */
function trimBlanks(tokens: readonly ValueToken[], n: number): ValueToken[] {
  const list = [...tokens]
  while (list.length > n && list[list.length - 1]!.t === 'blank') list.pop()
  while (list.length > n && list[0]!.t === 'blank') list.shift()
  return list
}

function rank(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>()
  const unique = candidates.filter((c) => {
    const key = JSON.stringify(c.values)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  const best = unique.reduce((min, c) => Math.min(min, c.violations), Infinity)
  const kept = unique.filter((c) => c.violations === best)
  kept.sort((a, b) => a.crossings - b.crossings)
  return kept.slice(0, KEEP)
}

function placeByColumn(
  list: readonly ValueToken[],
  cells: readonly CellSpec[],
  centres: readonly number[],
): { values: CellValue[]; origin: (CellOrigin | null)[] } | null {
  if (centres.length !== cells.length) return null
  const values: CellValue[] = cells.map(() => null)
  const origin: (CellOrigin | null)[] = cells.map(() => null)
  let last = -1
  for (const token of list) {
    let best = -1
    let distance = Infinity
    centres.forEach((c, i) => {
      const d = Math.abs(c - token.x!)
      if (d < distance) {
        distance = d
        best = i
      }
    })
    if (best <= last) return null
    last = best
    if (token.t === 'num') {
      const v = valueOf(token.digits, cells[best]!.kind, token.negative, token.unit, false)
      if (v === undefined) return null
      values[best] = v
      origin[best] = originOf(token)
    }
  }
  return { values, origin }
}

function enumeratePlacements(list: readonly ValueToken[], cells: readonly CellSpec[], equations: readonly LocalEquation[]): RowReading {
  const n = cells.length
  const k = list.length
  const candidates: Candidate[] = []
  let steps = 0
  const positions: number[] = []
  const walk = (from: number): boolean => {
    if (++steps > STEP_BUDGET) return false
    if (positions.length === k) {
      const values: CellValue[] = cells.map(() => null)
      const origin: (CellOrigin | null)[] = cells.map(() => null)
      for (let i = 0; i < k; i++) {
        const token = list[i]!
        if (token.t === 'blank') continue
        const v = valueOf(token.digits, cells[positions[i]!]!.kind, token.negative, token.unit, false)
        if (v === undefined) return true
        values[positions[i]!] = v
        origin[positions[i]!] = originOf(token)
      }
      candidates.push({ values, violations: violations(values, equations), crossings: 0, how: 'blank placement', origin })
      return true
    }
    for (let p = from; p <= n - (k - positions.length); p++) {
      positions.push(p)
      const go = walk(p + 1)
      positions.pop()
      if (!go) return false
    }
    return true
  }
  const complete = walk(0)
  return { candidates, complete }
}

/**
 * Every way to cut the tokens' digits into the row's cells. Without `crossing`, a cell never
 * runs across a space; with it, it may (penalised). Equation targets whose terms come earlier
 * in the row are not guessed: their printed digits must equal the sum.
 */
function enumerateSplits(list: readonly ValueToken[], cells: readonly CellSpec[], equations: readonly LocalEquation[], crossing: boolean): RowReading {
  const n = cells.length
  let seq = ''
  const boundaryAfter: boolean[] = []
  const negativeAt: boolean[] = []
  const unitAt: NumToken['unit'][] = []
  const tokenAt: number[] = []
  list.forEach((token, ti) => {
    if (token.t === 'blank') {
      seq += '_'
      negativeAt.push(false)
      unitAt.push(null)
      boundaryAfter.push(true)
      tokenAt.push(ti)
      return
    }
    for (let i = 0; i < token.digits.length; i++) {
      tokenAt.push(ti)
      seq += token.digits[i]
      negativeAt.push(i === 0 && token.negative)
      unitAt.push(i === token.digits.length - 1 ? token.unit : null)
      boundaryAfter.push(i === token.digits.length - 1)
    }
  })
  const len = seq.length
  /** The tokens a cell's characters came from, as one origin (the whole run of a run-together row). */
  const tokenOrigin = list.map(originOf)
  const originFor = (from: number, to: number): CellOrigin | null => {
    if (seq[from] === '_') return null
    const first = tokenAt[from]!
    const last = tokenAt[to - 1]!
    // one token: its origin object, shared by every candidate (no allocation per split)
    return first === last ? tokenOrigin[first]! : joinOrigins(list.slice(first, last + 1))
  }
  const blanksFrom: number[] = new Array(len + 1).fill(0)
  for (let i = len - 1; i >= 0; i--) blanksFrom[i] = blanksFrom[i + 1]! + (seq[i] === '_' ? 1 : 0)

  // Targets determined by earlier cells: index → equation.
  const determined = new Map<number, LocalEquation>()
  for (const eq of equations) if (eq.terms.every((t) => t.at < eq.target)) determined.set(eq.target, eq)

  const candidates: Candidate[] = []
  const values: CellValue[] = new Array(n).fill(null)
  const starts: number[] = new Array(n + 1).fill(0)
  let steps = 0
  let complete = true
  const maxLen = (cell: number) => (cells[cell]!.kind === 'amount' ? MAX_AMOUNT_CHARS : MAX_COUNT_DIGITS)

  const walk = (pos: number, cell: number, crossings: number): void => {
    if (!complete) return
    if (++steps > STEP_BUDGET) {
      complete = false
      return
    }
    if (cell === n) {
      if (pos === len) {
        const v = [...values]
        starts[n] = len
        const origin = v.map((_, i) => originFor(starts[i]!, starts[i + 1]!))
        candidates.push({ values: v, violations: violations(v, equations), crossings, how: 'split', origin })
      }
      return
    }
    starts[cell] = pos
    const cellsLeft = n - cell
    const charsLeft = len - pos
    if (charsLeft < cellsLeft) return
    if (charsLeft - blanksFrom[pos]! > (cellsLeft - blanksFrom[pos]!) * MAX_AMOUNT_CHARS) return
    if (seq[pos] === '_') {
      values[cell] = null
      walk(pos + 1, cell + 1, crossings)
      return
    }
    const eq = determined.get(cell)
    let wanted: string | null = null
    if (eq && cells[cell]!.kind !== 'amount') {
      let sum = 0
      for (const t of eq.terms) sum += t.sign * (values[t.at] ?? 0)
      wanted = String(sum)
    }
    let crossed = 0
    for (let end = pos + 1; end <= Math.min(len, pos + maxLen(cell)); end++) {
      if (seq[end - 1] === '_') break
      if (end - 1 > pos && boundaryAfter[end - 2]) {
        if (!crossing) break
        crossed++
      }
      if (wanted !== null && end - pos !== wanted.length) continue
      const piece = seq.slice(pos, end)
      if (wanted !== null && piece !== wanted) continue
      const v = valueOf(piece, cells[cell]!.kind, negativeAt[pos]!, unitAt[end - 1]!, true)
      if (v === undefined) continue
      values[cell] = v
      walk(end, cell + 1, crossings + crossed)
      if (!complete) return
    }
    values[cell] = null
  }
  walk(0, 0, 0)
  return { candidates, complete }
}
