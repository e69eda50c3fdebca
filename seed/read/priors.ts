import type { EditionId, Label } from '@xxgk/schema'

/**
 * What is usual in these tables, for choosing among readings that the rules cannot tell apart
 * (table 2 has no arithmetic at all). A choice made this way is always reported as an
 * ambiguity with every candidate; these only decide which candidate the report carries.
 * Each criterion scores a reading (lower is likelier); they are compared in order.
 */
type RowCells = Record<string, number | null>

export interface Criterion {
  label: Label
  /** Score of one row's cells; rows the criterion does not concern score 0. */
  score: (table: string, row: string, cells: RowCells, edition: EditionId) => number
}

const num = (v: number | null | undefined) => (typeof v === 'number' ? v : 0)

export const CRITERIA: readonly Criterion[] = [
  {
    label: {
      zh: '现行有效件数不少于本年制发件数',
      en: 'the number in force is not below the number issued this year',
    },
    score: (table, _row, cells) => (table === 'proactive' && 'inForce' in cells && 'issued' in cells ? (num(cells.inForce) < num(cells.issued) ? 1 : 0) : 0),
  },
  {
    label: { zh: '“本年增/减”多为 0', en: 'the change this year (本年增/减) is usually 0' },
    score: (table, _row, cells) => (table === 'proactive' && 'change' in cells && cells.change !== null && cells.change !== 0 ? 1 : 0),
  },
  {
    label: {
      zh: '集中采购项目平均金额在数十万元量级',
      en: 'the average centrally procured project is worth some hundred thousand yuan',
    },
    score: (table, row, cells) => {
      if (table !== 'proactive' || row !== 'procurement') return 0
      const projects = num(cells.projects)
      const amount = num(cells.amount)
      if (projects <= 0 || amount <= 0) return 0
      return Math.round(Math.abs(Math.log10((amount * 10_000) / projects) - 5.5) * 10)
    },
  },
  {
    label: { zh: '最大的单元格位数最少', en: 'the largest cell has the fewest digits' },
    score: (_t, _r, cells) => Math.max(0, ...Object.values(cells).map((v) => String(Math.trunc(Math.abs(num(v)))).length)),
  },
  {
    label: { zh: '最大的单元格数值最小', en: 'the largest cell is the smallest' },
    score: (_t, _r, cells) => Math.max(0, ...Object.values(cells).map((v) => Math.abs(num(v)))),
  },
  {
    label: { zh: '各单元格之和最小', en: 'the cells add up to the least' },
    score: (_t, _r, cells) => Object.values(cells).reduce<number>((s, v) => s + Math.abs(num(v)), 0),
  },
]
