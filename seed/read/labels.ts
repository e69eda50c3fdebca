import { EDITION_IDS, getEdition, getTable } from '@xxgk/schema'
import type { EditionId, RowDef, TableDef, TableKey } from '@xxgk/schema'
import { CN_NUMERALS, cnNumeralValue, compactLabel } from './text.ts'

/**
 * Maps printed row labels to the rows of src/editions. Every label compared here comes from
 * the edition data; this module only knows how printed labels go wrong: item numbers written
 * differently (1. / 1、 / （一）), punctuation and spaces, lines wrapped in the middle of a label,
 * shortened labels (规范性文件 for 行政规范性文件), and (for OCR) a misread character or two.
 */
export interface RowLabel {
  table: TableKey
  row: RowDef
  /** Position of the row in the printed form. */
  index: number
  /** The item number printed before the label (1 for 1. or （一） or 一、), if any. */
  item: number | null
  /** The label without its item number, in compact form (CJK, letters, digits only). */
  core: string
  /** Length of the shortest prefix of `core` that no other row of the table contains; 0 if none. */
  uniquePrefix: number
}

const ITEM_PREFIX = new RegExp(`^(?:(\\d+)[.、．]|（([${CN_NUMERALS}]+)）|([${CN_NUMERALS}]+)、)`)

/** Splits a printed label into its item number and the rest. */
export function splitItemNumber(label: string): { item: number | null; rest: string } {
  const m = ITEM_PREFIX.exec(label.trim())
  if (!m) return { item: null, rest: label.trim() }
  return { item: cnNumeralValue(m[1] ?? m[2] ?? m[3]!), rest: label.trim().slice(m[0].length) }
}

/** Cores shorter than this only match whole, and with their item number when they have one. */
const SHORT = 4
/** How much of a segment's end can be a wrapped or shortened label (the longest label is ~34 characters). */
const TAIL = 40

const cache = new Map<string, RowLabel[]>()

export function rowLabels(edition: EditionId, tableKey: TableKey): RowLabel[] {
  const key = `${edition}:${tableKey}`
  let labels = cache.get(key)
  if (!labels) {
    const table = getTable(getEdition(edition), tableKey)
    labels = table.rows.map((row, index) => {
      const { item, rest } = splitItemNumber(row.label.zh)
      return { table: tableKey, row, index, item, core: compactLabel(rest), uniquePrefix: 0 }
    })
    for (const label of labels) label.uniquePrefix = uniquePrefixLength(label, labels)
    cache.set(key, labels)
  }
  return labels
}

function uniquePrefixLength(label: RowLabel, all: readonly RowLabel[]): number {
  if (label.core.length < SHORT) return 0
  for (let k = SHORT; k <= label.core.length; k++) {
    const prefix = label.core.slice(0, k)
    if (all.every((other) => other === label || !other.core.includes(prefix))) return k
  }
  return 0
}

export interface RowMatch {
  label: RowLabel
  /** Where the match ends in the compact segment: the nearer the end, the nearer the values. */
  end: number
  score: number
  fuzzy: boolean
}

/** The item number written just before position `at` of a compact segment, if any. */
function itemBefore(s: string, at: number): number | null {
  let i = at
  while (i > 0 && /[0-9]/.test(s[i - 1]!)) i--
  if (i < at) return Number(s.slice(i, at))
  while (i > 0 && CN_NUMERALS.includes(s[i - 1]!) && at - i < 3) i--
  return i < at ? cnNumeralValue(s.slice(i, at)) : null
}

/**
 * The row whose label a printed segment ends with (the text just before a row's values).
 * Returns null when no row matches or two rows match equally well.
 */
export function matchRow(segment: string, labels: readonly RowLabel[], fuzzy = false): RowMatch | null {
  const s = compactLabel(segment)
  if (!s) return null
  let best: RowMatch | null = null
  let tie = false
  const consider = (m: RowMatch) => {
    if (!best || m.end > best.end || (m.end === best.end && m.score > best.score)) {
      best = m
      tie = false
    } else if (m.end === best.end && m.score === best.score && m.label !== best.label) {
      tie = true
    }
  }
  for (const label of labels) {
    const { core } = label
    const full = s.lastIndexOf(core)
    if (full >= 0) {
      const item = itemBefore(s, full)
      if (core.length < SHORT && label.item !== null && item !== label.item && s !== core) continue
      const itemBonus = label.item !== null && item === label.item ? 1 : 0
      consider({ label, end: full + core.length, score: 2 * core.length + itemBonus, fuzzy: false })
      continue
    }
    if (label.uniquePrefix > 0) {
      const at = s.lastIndexOf(core.slice(0, label.uniquePrefix))
      if (at >= 0) {
        let k = label.uniquePrefix
        while (at + k < s.length && k < core.length && s[at + k] === core[k]) k++
        consider({ label, end: at + k, score: k, fuzzy: false })
      }
    }
  }
  if (!best) {
    // A shortened label (规范性文件) or the tail of a wrapped one (形，不计其他情形）): the end of
    // the segment is a piece of exactly one row's label.
    for (let k = Math.min(s.length, TAIL); k >= SHORT && !best; k--) {
      const tail = s.slice(s.length - k)
      const owners = labels.filter((l) => l.core.includes(tail))
      if (owners.length === 1) best = { label: owners[0]!, end: s.length, score: k, fuzzy: false }
      else if (owners.length > 1) break
    }
  }
  if (!best && fuzzy) best = fuzzyMatch(s.slice(-TAIL * 2), labels)
  return tie ? null : best
}

/**
 * OCR: the label with at most one misread character in every four (compared over its first
 * eight characters), found anywhere in the segment; the nearest the end wins.
 */
function fuzzyMatch(s: string, labels: readonly RowLabel[]): RowMatch | null {
  let best: RowMatch | null = null
  let bestCost = Infinity
  let tie = false
  for (const label of labels) {
    const pattern = label.core.slice(0, 8)
    if (pattern.length < 3) continue
    const allowed = Math.max(1, Math.floor(pattern.length / 4))
    const found = approximateEnd(pattern, s, allowed)
    if (!found) continue
    const cost = found.cost / pattern.length
    if (cost < bestCost || (cost === bestCost && found.end > (best?.end ?? -1))) {
      best = { label, end: found.end, score: pattern.length - found.cost, fuzzy: true }
      bestCost = cost
      tie = false
    } else if (cost === bestCost && found.end === best?.end) {
      tie = true
    }
  }
  return tie ? null : best
}

/** Sellers' algorithm: the end of the best approximate occurrence of `pattern` in `text`. */
function approximateEnd(pattern: string, text: string, allowed: number): { end: number; cost: number } | null {
  const m = pattern.length
  let prev = new Array<number>(m + 1)
  let cur = new Array<number>(m + 1)
  for (let i = 0; i <= m; i++) prev[i] = i
  let best: { end: number; cost: number } | null = null
  for (let j = 1; j <= text.length; j++) {
    cur[0] = 0
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1)
      cur[i] = Math.min(sub, prev[i]! + 1, cur[i - 1]! + 1)
    }
    if (cur[m]! <= allowed && (!best || cur[m]! <= best.cost)) best = { end: j, cost: cur[m]! }
    ;[prev, cur] = [cur, prev]
  }
  return best
}

/** The heading core of a table (二、主动公开政府信息情况 → 主动公开政府信息情况), compact. */
export function tableHeadingCore(table: TableDef): string {
  return compactLabel(splitItemNumber(table.label.zh).rest)
}

/**
 * A row of another edition that this edition splits into several rows: the 2019 form's single
 * （六）其他处理 row is the 2021 form's three 其他处理 rows. Agencies still print the old row in the
 * new form; its values then stand for the group, and which of the group's rows they belong to
 * the source does not say. Found from the edition data: a row key of another edition that is
 * the parent of row keys of this one (otherHandling → otherHandling.noCorrection, …).
 */
export interface GroupLabel {
  table: TableKey
  /** The other edition's row (its label is what the source prints). */
  printed: RowDef
  /** This edition's rows the printed row stands for, in form order. */
  rows: RowLabel[]
  item: number | null
  core: string
}

const groupCache = new Map<string, GroupLabel[]>()

export function groupLabels(edition: EditionId, tableKey: TableKey): GroupLabel[] {
  const key = `${edition}:${tableKey}`
  let groups = groupCache.get(key)
  if (!groups) {
    groups = []
    const own = rowLabels(edition, tableKey)
    const ownKeys = new Set(own.map((l) => l.row.key))
    for (const other of EDITION_IDS) {
      if (other === edition) continue
      for (const row of getTable(getEdition(other), tableKey).rows) {
        if (ownKeys.has(row.key)) continue
        const rows = own.filter((l) => l.row.key.startsWith(`${row.key}.`))
        if (rows.length < 2 || groups.some((g) => g.printed.key === row.key)) continue
        const { item, rest } = splitItemNumber(row.label.zh)
        groups.push({ table: tableKey, printed: row, rows, item, core: compactLabel(rest) })
      }
    }
    groupCache.set(key, groups)
  }
  return groups
}

/**
 * The group whose printed label ends a segment that no row of this edition matched (（六）其他处理
 * followed directly by values). The item number, when printed, must be the group's.
 */
export function matchGroup(segment: string, groups: readonly GroupLabel[]): GroupLabel | null {
  const s = compactLabel(segment)
  if (!s) return null
  for (const group of groups) {
    if (group.core.length < 2 || !s.endsWith(group.core)) continue
    const item = itemBefore(s, s.length - group.core.length)
    if (item !== null && group.item !== null && item !== group.item) continue
    return group
  }
  return null
}
