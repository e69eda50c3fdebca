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
}

/**
 * Table 2 has no arithmetic, so the narrative is the only other witness. These patterns are the
 * parser's (src's TEXT.MATCH covers tables 3 and 4 and is used as it is).
 */
const TABLE2_FIGURES: { editions: EditionId[]; cells: string[]; pattern: RegExp }[] = [
  {
    editions: ['2021'],
    cells: ['proactive.normativeDocuments.issued'],
    pattern: /(?:制发|印发|出台|发布)(?:了)?(?:本年度)?(?:制发)?(?:行政)?规范性文件(?:共|共计)?(\d+)(?:件|个|份)/g,
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
