import { editionIndex, equationChecks, getEdition, getTable, rowColumns } from '@xxgk/schema'
import type { EditionId, Label, RowDef, TableKey } from '@xxgk/schema'
import { groupLabels, matchGroup, matchRow, rowLabels } from './labels.ts'
import type { GroupLabel, RowLabel } from './labels.ts'
import type { Regions } from './regions.ts'
import { readRow, violations } from './split.ts'
import type { Candidate, CellOrigin, CellSpec, LocalEquation, ValueToken } from './split.ts'
import { compactLabel } from './text.ts'
import type { Token } from './tokens.ts'

/**
 * A piece of the report read together: one row, table 4's printed value row (three data
 * rows), or several rows whose value lines carry no label of their own. Its candidates are the
 * readings the source allows; the solver picks one per unit.
 */
export interface Unit {
  table: TableKey
  /** Row keys covered, in form order. */
  rows: string[]
  /** Full cell paths covered; each candidate's values follow this order. */
  paths: string[]
  candidates: Candidate[]
  /** False when there were too many readings to list them all. */
  complete: boolean
  origin: 'labelled' | 'unlabelled' | 'table4' | 'missing' | 'group'
  /** Why this unit is a reading the source cannot settle whatever the rules say (a group row, OCR columns). */
  note?: Label
}

export interface ReadOptions {
  fuzzy: boolean
  placement: boolean
  /** Cells may stand in the wrong column (OCR): a table-4 reading that breaks its totals is checked for shifted cells. */
  approximate?: boolean
}

interface Reading {
  label: RowLabel | null
  /** A row of the other edition standing for several rows of this one (see labels.ts groupLabels). */
  group?: GroupLabel
  tokens: ValueToken[]
  line: number
  /** The text before the values on their line. */
  segment: string
}

/** The reading's printed label on every cell origin of its candidates (the evidence shows it). */
function withLabel(candidates: readonly Candidate[], segment: string): Candidate[] {
  const label = segment.replace(/\s+/g, ' ').trim().slice(-40)
  if (!label) return [...candidates]
  const labelled = new Map<CellOrigin, CellOrigin>()
  const withIt = (o: CellOrigin) => {
    let l = labelled.get(o)
    if (!l) labelled.set(o, (l = { text: o.text, line: o.line, at: o.at, label }))
    return l
  }
  return candidates.map((c) => (c.origin ? { ...c, origin: c.origin.map((o) => (o ? withIt(o) : o)) } : c))
}

/** Form position of a reading's label (a group reading stands where its first row stands). */
const positionOf = (r: Reading): number | null => r.label?.index ?? r.group?.rows[0]!.index ?? null

const cellSpecs = (table: TableKey, rows: readonly RowDef[], edition: EditionId): CellSpec[] => {
  const tableDef = getTable(getEdition(edition), table)
  return rows.flatMap((row) => rowColumns(tableDef, row).map((c) => ({ path: `${table}.${row.key}.${c.key}`, kind: c.kind ?? 'count' })))
}

const equationCache = new Map<string, LocalEquation[]>()

/** The edition's own equations (src rules) that lie entirely inside a set of cells. */
export function localEquations(edition: EditionId, paths: readonly string[]): LocalEquation[] {
  const key = `${edition}|${paths.join(',')}`
  let cached = equationCache.get(key)
  if (!cached) equationCache.set(key, (cached = computeLocalEquations(edition, paths)))
  return cached
}

function computeLocalEquations(edition: EditionId, paths: readonly string[]): LocalEquation[] {
  const at = new Map(paths.map((p, i) => [p, i]))
  const equations: LocalEquation[] = []
  for (const check of equationChecks(edition)) {
    if (check.severity !== 'error' || check.terms.some((t) => t.from === 'previous')) continue
    const target = at.get(check.target)
    if (target === undefined) continue
    const terms = check.terms.map((t) => ({ at: at.get(t.cell) ?? -1, sign: t.sign }))
    if (terms.some((t) => t.at < 0)) continue
    equations.push({ target, terms })
  }
  return equations
}

/** Runs of value tokens on one line, each with the text just before it on that line. */
function valueGroups(tokens: readonly Token[]): { segment: string; tokens: ValueToken[]; line: number }[] {
  const groups: { segment: string; tokens: ValueToken[]; line: number }[] = []
  let segment = ''
  let current: ValueToken[] | null = null
  let line = -1
  for (const token of tokens) {
    if (token.line !== line) {
      current = null
      segment = ''
      line = token.line
    }
    if (token.t === 'text') {
      if (current) {
        current = null
        segment = ''
      }
      segment += token.s
      continue
    }
    if (!current) {
      current = []
      groups.push({ segment, tokens: current, line })
    }
    current.push(token)
  }
  return groups
}

const width = (label: RowLabel, edition: EditionId) => rowColumns(getTable(getEdition(edition), label.table), label.row).length

function columnCentres(readings: readonly Reading[], edition: EditionId): Map<number, number[]> {
  const byWidth = new Map<number, number[][]>()
  for (const r of readings) {
    if (!r.label || r.tokens.some((t) => t.x === undefined)) continue
    const n = width(r.label, edition)
    if (r.tokens.length !== n) continue
    const list = byWidth.get(n) ?? []
    list.push(r.tokens.map((t) => t.x!))
    byWidth.set(n, list)
  }
  const centres = new Map<number, number[]>()
  for (const [n, rows] of byWidth) {
    centres.set(
      n,
      Array.from({ length: n }, (_, i) => {
        const xs = rows.map((r) => r[i]!).sort((a, b) => a - b)
        return xs[Math.floor(xs.length / 2)]!
      }),
    )
  }
  return centres
}

/** Table 2 or table 3: rows found by their labels, value lines without a label placed by form order. */
export function readRowTable(table: 'proactive' | 'requests', tokens: readonly Token[], edition: EditionId, options: ReadOptions): Unit[] {
  const labels = rowLabels(edition, table)
  const groups = groupLabels(edition, table)
  const maxWidth = Math.max(...labels.map((l) => width(l, edition)))
  const readings: Reading[] = []
  for (const group of valueGroups(tokens)) {
    const match = group.segment ? matchRow(group.segment, labels, options.fuzzy) : null
    const printedGroup = !match && group.segment ? matchGroup(group.segment, groups) : null
    readings.push({
      label: match?.label ?? null,
      ...(printedGroup ? { group: printedGroup } : {}),
      tokens: group.tokens,
      line: group.line,
      segment: group.segment,
    })
  }
  const merged = mergeContinuations(readings, edition, maxWidth)
  const centres = columnCentres(merged, edition)

  const byRow = new Map<RowLabel, Reading[]>()
  for (const r of merged) {
    if (!r.label) continue
    const list = byRow.get(r.label)
    if (list) list.push(r)
    else byRow.set(r.label, [r])
  }

  const units: Unit[] = []
  // A group row whose rows are not printed themselves: one unit over the group's rows, one
  // candidate per row it may stand for; a group row beside its own rows is a stray value line.
  const grouped = new Set<RowLabel>()
  for (const r of merged) {
    if (!r.group) continue
    if (r.group.rows.some((l) => byRow.has(l) || grouped.has(l))) {
      delete r.group
      continue
    }
    r.group.rows.forEach((l) => grouped.add(l))
    units.push(groupUnit(table, r, r.group, edition, options, centres))
  }
  for (const [label, list] of byRow) {
    const specs = cellSpecs(table, [label.row], edition)
    const equations = localEquations(
      edition,
      specs.map((s) => s.path),
    )
    const candidates: Candidate[] = []
    let complete = true
    for (const reading of list) {
      const result = readRow(reading.tokens, specs, equations, {
        placement: options.placement,
        centres: centres.get(specs.length),
      })
      for (const candidate of withLabel(result.candidates, reading.segment)) candidates.push(candidate)
      complete &&= result.complete
    }
    units.push({ table, rows: [label.row.key], paths: specs.map((s) => s.path), candidates, complete, origin: 'labelled' })
  }
  units.push(...placeUnlabelled(table, merged, labels, byRow, grouped, edition, options, centres))

  const covered = new Set(units.flatMap((u) => u.rows))
  for (const label of labels) {
    if (covered.has(label.row.key)) continue
    const specs = cellSpecs(table, [label.row], edition)
    units.push({
      table,
      rows: [label.row.key],
      paths: specs.map((s) => s.path),
      candidates: [],
      complete: true,
      origin: 'missing',
    })
  }
  return units
}

/** A row's values wrapped onto the next line(s): "0 0 0 0 0 0" then "0". */
function mergeContinuations(readings: readonly Reading[], edition: EditionId, maxWidth: number): Reading[] {
  const out: Reading[] = []
  for (const r of readings) {
    const prev = out[out.length - 1]
    if (prev && ((!r.label && !r.group) || (r.label && r.label === prev.label)) && r.line > prev.line) {
      const n = prev.label ? width(prev.label, edition) : prev.group ? width(prev.group.rows[0]!, edition) : maxWidth
      if (prev.tokens.length < n && prev.tokens.length + r.tokens.length <= n) {
        const tokens = [...prev.tokens, ...r.tokens]
        // On a page, a row's values are in column order whatever line they were printed on.
        if (tokens.every((t) => t.x !== undefined)) tokens.sort((a, b) => a.x! - b.x!)
        out[out.length - 1] = { ...prev, tokens, line: r.line }
        continue
      }
    }
    out.push({ ...r })
  }
  return out
}

/** The unit of a group row: its values on each of the group's rows in turn, the others blank. */
function groupUnit(table: TableKey, reading: Reading, group: GroupLabel, edition: EditionId, options: ReadOptions, centres: Map<number, number[]>): Unit {
  const specs = cellSpecs(
    table,
    group.rows.map((l) => l.row),
    edition,
  )
  const candidates: Candidate[] = []
  let complete = true
  let offset = 0
  for (const label of group.rows) {
    const own = cellSpecs(table, [label.row], edition)
    const result = readRow(
      reading.tokens,
      own,
      localEquations(
        edition,
        own.map((c) => c.path),
      ),
      {
        placement: options.placement,
        centres: centres.get(own.length),
      },
    )
    complete &&= result.complete
    for (const c of withLabel(result.candidates, reading.segment)) {
      const values = specs.map(() => null as number | null)
      c.values.forEach((v, i) => (values[offset + i] = v))
      const origin = c.origin ? specs.map((_, i) => (i >= offset && i < offset + own.length ? (c.origin![i - offset] ?? null) : null)) : undefined
      candidates.push({ ...c, values, ...(origin ? { origin } : {}) })
    }
    offset += own.length
  }
  const printed = group.printed.label.zh
  return {
    table,
    rows: group.rows.map((l) => l.row.key),
    paths: specs.map((s) => s.path),
    candidates,
    complete,
    origin: 'group',
    note: {
      zh: `来源只印了一行“${printed}”（旧版格式的行），本版格式此处有 ${group.rows.length} 行（${group.rows.map((l) => l.row.label.zh).join('、')}）；这一行的数字属于其中哪一行，来源没有说明，其余各行留空`,
      en: `the source prints a single row "${printed}" (the older form's row) where this edition has ${group.rows.length} rows (${group.rows.map((l) => l.row.label.en).join('; ')}); which of them its figures belong to the source does not say, and the others are left blank`,
    },
  }
}

const MAX_ASSIGNMENTS = 2_000

/**
 * Value lines without a label of their own (the label wrapped onto other lines, or a
 * converter tore the table apart) belong to rows without a labelled line, between the
 * labelled rows around them, in form order.
 */
function placeUnlabelled(
  table: TableKey,
  readings: readonly Reading[],
  labels: readonly RowLabel[],
  labelled: ReadonlyMap<RowLabel, Reading[]>,
  grouped: ReadonlySet<RowLabel>,
  edition: EditionId,
  options: ReadOptions,
  centres: Map<number, number[]>,
): Unit[] {
  const intervals: { orphans: Reading[]; after: number; before: number }[] = []
  let last = -1
  let orphans: Reading[] = []
  for (const r of readings) {
    const index = positionOf(r)
    if (index === null) {
      orphans.push(r)
      continue
    }
    if (orphans.length) intervals.push({ orphans, after: last, before: index > last ? index : labels.length })
    orphans = []
    if (index > last) last = index
  }
  if (orphans.length) intervals.push({ orphans, after: last, before: labels.length })

  const units: Unit[] = []
  const taken = new Set<RowLabel>()
  for (const interval of intervals) {
    const free = labels.filter((l) => l.index > interval.after && l.index < interval.before && !labelled.has(l) && !grouped.has(l) && !taken.has(l))
    if (!free.length) continue
    free.forEach((l) => taken.add(l))
    const unit = assignInterval(table, interval.orphans, free, edition, options, centres)
    if (unit) units.push(...unit)
  }
  return units
}

function assignInterval(
  table: TableKey,
  orphans: readonly Reading[],
  free: readonly RowLabel[],
  edition: EditionId,
  options: ReadOptions,
  centres: Map<number, number[]>,
): Unit[] | null {
  const readOne = (o: Reading, label: RowLabel) => {
    const specs = cellSpecs(table, [label.row], edition)
    return readRow(
      o.tokens,
      specs,
      localEquations(
        edition,
        specs.map((s) => s.path),
      ),
      {
        placement: options.placement,
        centres: centres.get(specs.length),
      },
    )
  }
  // The plain case: as many full value lines as free rows, widths agreeing in order.
  const full = orphans.filter((o) => free.some((l) => width(l, edition) === o.tokens.length))
  if (full.length === free.length && full.every((o, i) => o.tokens.length === width(free[i]!, edition))) {
    return free.map((label, i) => {
      const specs = cellSpecs(table, [label.row], edition)
      const result = readOne(full[i]!, label)
      return {
        table,
        rows: [label.row.key],
        paths: specs.map((s) => s.path),
        candidates: result.candidates,
        complete: result.complete,
        origin: 'unlabelled' as const,
      }
    })
  }
  // Otherwise every order-keeping assignment of value lines to rows is a candidate of one unit.
  const specs = cellSpecs(
    table,
    free.map((l) => l.row),
    edition,
  )
  const offsets: number[] = []
  let at = 0
  for (const l of free) {
    offsets.push(at)
    at += width(l, edition)
  }
  const best = orphans.map((o) => free.map((l) => readOne(o, l).candidates[0] ?? null))
  const candidates: Candidate[] = []
  const chosen: number[] = []
  let finished = true
  const walk = (oi: number, fi: number) => {
    if (candidates.length >= MAX_ASSIGNMENTS) {
      finished = false
      return
    }
    if (oi === orphans.length) {
      const values = specs.map(() => null as number | null)
      const origin = specs.map(() => null as CellOrigin | null)
      let violations = 0
      let crossings = 0
      orphans.forEach((_, k) => {
        const f = chosen[k]!
        if (f < 0) return
        const c = best[k]![f]!
        c.values.forEach((v, j) => (values[offsets[f]! + j] = v))
        c.origin?.forEach((o, j) => (origin[offsets[f]! + j] = o))
        violations += c.violations
        crossings += c.crossings
      })
      const dropped = chosen.filter((f) => f < 0).length
      const empty = free.length - (orphans.length - dropped)
      candidates.push({ values, violations, crossings, penalty: dropped + empty, how: 'split', origin })
      return
    }
    // leave this value line out
    chosen[oi] = -1
    walk(oi + 1, fi)
    for (let f = fi; f < free.length; f++) {
      if (!best[oi]![f]) continue
      chosen[oi] = f
      walk(oi + 1, f + 1)
    }
  }
  walk(0, 0)
  if (!candidates.length) return null
  candidates.sort((a, b) => (a.penalty ?? 0) - (b.penalty ?? 0) || a.violations - b.violations)
  return [
    {
      table,
      rows: free.map((l) => l.row.key),
      paths: specs.map((s) => s.path),
      candidates,
      complete: finished,
      origin: 'unlabelled',
    },
  ]
}

/** Table 4: the value cells after its header, up to the first text after them. */
export function readReviewTable(tokens: readonly Token[], edition: EditionId, options: ReadOptions): { unit: Unit; end: number | null } {
  const table = getTable(getEdition(edition), 'reviewLitigation')
  const specs = cellSpecs('reviewLitigation', table.rows, edition)
  const numberLines = new Set(tokens.filter((t) => t.t === 'num').map((t) => t.line))
  const vocabulary = reviewVocabulary(edition)
  const values: ValueToken[] = []
  let end: number | null = null
  for (const token of tokens) {
    if (token.t === 'text') {
      // the table may be printed in pieces (行政复议 | 未经复议直接起诉 | 复议后起诉), each after its own headers
      if (values.length && /[\u3400-\u9fff]/.test(token.s) && !(values.length < specs.length && onlyWords(token.s, vocabulary))) break
      continue
    }
    // empty header cells are not values; an empty cell on the value line is
    if (!values.length && token.t === 'blank' && !numberLines.has(token.line)) continue
    values.push(token)
    end = token.at + (token.t === 'num' ? token.digits.length : Math.max(1, token.marker.length))
  }
  const result = values.length
    ? readRow(
        values,
        specs,
        localEquations(
          edition,
          specs.map((s) => s.path),
        ),
        { placement: options.placement },
      )
    : { candidates: [], complete: true }
  let candidates = result.candidates
  let note: Label | undefined
  const printed = candidates.length === 1 ? candidates[0]! : null
  if (options.approximate && printed && printed.violations > 0 && values.length === specs.length) {
    const shifted = shiftedReadings(
      printed,
      localEquations(
        edition,
        specs.map((s) => s.path),
      ),
    )
    if (shifted.length) {
      candidates = [...shifted, printed]
      note = {
        zh: '文字识别（OCR）的表四：按所印位置读，各组总计对不上；把一个单元格移到别的列后各组总计都对得上，可能是识别时列错位',
        en: 'table 4 of OCR text: read as printed, the group totals do not add up; with one cell moved to another column they all do, so the OCR may have shifted the columns',
      }
    }
  }
  return {
    unit: {
      table: 'reviewLitigation',
      rows: table.rows.map((r) => r.key),
      paths: specs.map((s) => s.path),
      candidates,
      complete: result.complete,
      origin: values.length ? 'table4' : 'missing',
      ...(note ? { note } : {}),
    },
    end,
  }
}

/** Words of table 4's own headers (its rows, columns and groups, from the edition data). */
function reviewVocabulary(edition: EditionId): string[] {
  const table = getTable(getEdition(edition), 'reviewLitigation')
  const words = [...table.rows.map((r) => r.label.zh), ...table.columns.map((c) => c.label.zh), ...(table.groups ?? []).map((g) => g.label.zh)]
  return [...new Set(words.map(compactLabel))].filter((w) => w.length >= 2).sort((a, b) => b.length - a.length)
}

/** Whether a text is made of those words only (and punctuation): a header, not the text after the table. */
function onlyWords(text: string, words: readonly string[]): boolean {
  let rest = compactLabel(text)
  if (!rest) return true
  for (const w of words) rest = rest.split(w).join('')
  return rest === ''
}

/**
 * Readings with one cell moved to another position (the cells between shift by one), kept
 * when they satisfy every equation the printed reading breaks: OCR loses or adds an empty cell
 * and the rest of the row moves over.
 */
function shiftedReadings(printed: Candidate, equations: readonly LocalEquation[]): Candidate[] {
  const n = printed.values.length
  const out: Candidate[] = []
  const seen = new Set<string>([JSON.stringify(printed.values)])
  for (let from = 0; from < n; from++) {
    for (let to = 0; to < n; to++) {
      if (to === from) continue
      const values = [...printed.values]
      const origin = printed.origin ? [...printed.origin] : undefined
      const [v] = values.splice(from, 1)
      values.splice(to, 0, v!)
      if (origin) origin.splice(to, 0, origin.splice(from, 1)[0]!)
      const key = JSON.stringify(values)
      if (seen.has(key) || violations(values, equations) > 0) continue
      seen.add(key)
      out.push({ values, violations: 0, crossings: 0, how: 'shifted', ...(origin ? { origin } : {}) })
    }
  }
  return out
}

/** Tokens inside a region; a text token straddling its start is cut at the start. */
export function tokensIn(tokens: readonly Token[], region: { start: number; end: number } | undefined): Token[] {
  if (!region) return []
  const out: Token[] = []
  for (const t of tokens) {
    if (t.at >= region.end) continue
    if (t.at >= region.start) out.push(t)
    else if (t.t === 'text' && t.at + t.s.length > region.start) {
      out.push({ ...t, s: t.s.slice(region.start - t.at), at: region.start })
    }
  }
  return out
}

export function readTables(tokens: readonly Token[], regions: Regions, edition: EditionId, options: ReadOptions) {
  const units: Unit[] = []
  units.push(...readRowTable('proactive', tokensIn(tokens, regions.proactive), edition, options))
  units.push(...readRowTable('requests', tokensIn(tokens, regions.requests), edition, options))
  const review = readReviewTable(tokensIn(tokens, regions.reviewLitigation), edition, options)
  units.push(review.unit)
  // form order
  const position = editionIndex(edition).position
  units.sort((a, b) => position.get(a.paths[0]!)! - position.get(b.paths[0]!)!)
  return { units, reviewEnd: review.end }
}
