import { RULES } from '@xxgk/schema'
import type { EditionId, TextMatchRule } from '@xxgk/schema'
import { noSpace } from './text.ts'

/**
 * Figures the narrative states (全年共收到申请154件, 行政复议36起, 制发行政规范性文件62件):
 * the sum of some cells equals a number. They help choose among splits of run-together digits;
 * they never override a cell the source prints plainly.
 */
export interface StatedFigure {
  cells: string[]
  value: number
  excerpt: string
  /** Per cell, its coefficient in the sum (default 1): X.IN_FORCE is inForce − issued + repealed = last year's inForce. */
  coefficients?: number[]
}

/**
 * Table 2 has no arithmetic, so the narrative is the only other witness. These patterns are the
 * parser's (src's TEXT.MATCH covers tables 3 and 4 and is used as it is).
 */
const TABLE2_FIGURES: { editions: EditionId[]; cells: string[]; pattern: RegExp }[] = [
  {
    editions: ['2021'],
    cells: ['proactive.normativeDocuments.issued'],
    pattern: /(?:制发|印发|出台|发布)(?:了)?(?:本年度)?(?:制发)?(?:的)?(?:行政)?规范性文件(?:共|共计)?(\d+)(?:件|个|份)/g,
  },
  {
    editions: ['2021'],
    cells: ['proactive.normativeDocuments.inForce'],
    pattern: /现行有效(?:的)?(?:行政)?规范性文件(?:共|共计)?(\d+)(?:件|个|份)/g,
  },
  {
    editions: ['2021'],
    cells: ['proactive.normativeDocuments.inForce'],
    pattern: /(?:行政)?规范性文件(?:中)?现行有效(?:的)?(?:共|共计)?(\d+)(?:件|个|份)/g,
  },
  {
    editions: ['2021'],
    cells: ['proactive.regulations.inForce'],
    pattern: /现行有效(?:的)?(?:[\u4e00-\u9fa5]{0,6}?)规章(?:共|共计)?(\d+)(?:件|个|部)/g,
  },
  {
    editions: ['2021'],
    cells: ['proactive.regulations.issued'],
    pattern: /(?:制发|制定|出台|新增公开|发布)(?:了)?(?:本年度)?(?:[\u4e00-\u9fa5]{0,6}?)规章(?:共|共计)?(\d+)(?:件|个|部)/g,
  },
]

const regexes = new Map<string, RegExp>()
const compiled = (source: string) => {
  let re = regexes.get(source)
  if (!re) regexes.set(source, (re = new RegExp(source, 'g')))
  return re
}

const textMatch = RULES.find((r): r is TextMatchRule => r.kind === 'textMatch')

export function statedFigures(texts: readonly (string | null | undefined)[], edition: EditionId): StatedFigure[] {
  const compact = texts.filter((t): t is string => !!t).map(noSpace)
  const figures: StatedFigure[] = []
  for (const text of compact) {
    for (const figure of textMatch?.figures ?? []) {
      for (const source of figure.patterns) {
        for (const m of text.matchAll(compiled(source))) {
          figures.push({ cells: [...figure.cells], value: Number(m[1]), excerpt: m[0] })
        }
      }
    }
    for (const hint of TABLE2_FIGURES) {
      if (!hint.editions.includes(edition)) continue
      for (const m of text.matchAll(hint.pattern)) figures.push({ cells: hint.cells, value: Number(m[1]), excerpt: m[0] })
    }
  }
  return figures
}

/** The parts of the same agency's previous report the figures below use. */
export interface PreviousReport {
  edition: string
  year: number
  proactive?: Record<string, Record<string, number | null | undefined> | undefined>
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/**
 * What the same agency's report for the year before says about this year's table 2 (figures in
 * the same form as the narrative's): in the 2021 edition X.IN_FORCE, inForce − issued + repealed
 * = last year's inForce, for 规章 and 行政规范性文件; in the 2019 edition, 上一年项目数量 = last
 * year's 上一年项目数量 + 本年增/减, for every row that has them. Used only when the previous
 * report is of the same edition and the year before.
 */
export function previousFigures(previous: PreviousReport | null | undefined, edition: EditionId, year: number): StatedFigure[] {
  if (!previous || previous.edition !== edition || previous.year !== year - 1 || !previous.proactive) return []
  const figures: StatedFigure[] = []
  for (const [row, cells] of Object.entries(previous.proactive)) {
    if (!cells) continue
    if ('issued' in cells && 'repealed' in cells && num(cells.inForce)) {
      figures.push({
        cells: [`proactive.${row}.inForce`, `proactive.${row}.issued`, `proactive.${row}.repealed`],
        coefficients: [1, -1, 1],
        value: cells.inForce,
        excerpt: `${previous.year}年报告现行有效${cells.inForce}件（X.IN_FORCE）`,
      })
    }
    if (num(cells.lastYear) && num(cells.change)) {
      figures.push({
        cells: [`proactive.${row}.lastYear`],
        value: cells.lastYear + cells.change,
        excerpt: `${previous.year}年报告上一年项目数量${cells.lastYear}、本年增/减${cells.change}`,
      })
    }
  }
  return figures
}
