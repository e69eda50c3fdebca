import type { Label } from '../labels.ts'
import type { TableKey } from './types.ts'

/** The report's own name, as printed after agency and year in its title. */
export const REPORT_NAME: Label = {
  zh: '政府信息公开工作年度报告',
  en: 'Annual report on government information disclosure',
}

/** Labels of the report's fields that are not table cells. */
export const REPORT_FIELDS = {
  edition: { zh: '格式版本', en: 'Format edition' },
  year: { zh: '报告年度', en: 'Report year' },
  agency: { zh: '机关名称', en: 'Agency name' },
  title: { zh: '标题', en: 'Title' },
} as const satisfies Record<string, Label>

/** The narrative sections' keys under `text`, in the order the format prints them. */
export const NARRATIVE_KEYS = ['overview', 'problems', 'other'] as const
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number]

/**
 * A reading an importer could not settle from the source: the cell (or row, table, field) at
 * `path`, every reading the source allows, the one the report carries (null when none could be
 * chosen) and why there is more than one and why this one.
 */
export interface Ambiguity {
  path: string
  candidates: unknown[]
  chosen: unknown
  reason: Label
  /** The cells whose value differs between the candidates (the rows the reader must check). */
  cells?: string[]
}

/** Headings of the narrative sections 一, 五 and 六 (`text.overview`, `text.problems`, `text.other`). */
export const NARRATIVE_SECTIONS: Readonly<Record<NarrativeKey, Label>> = {
  overview: { zh: '一、总体情况', en: 'I. Overview' },
  problems: { zh: '五、存在的主要问题及改进情况', en: 'V. Problems and improvements' },
  other: { zh: '六、其他需要报告的事项', en: 'VI. Other matters' },
}

/** The six sections in the order the national format prints them. */
export const SECTION_ORDER: readonly ({ text: NarrativeKey } | { table: TableKey })[] = [
  { text: 'overview' },
  { table: 'proactive' },
  { table: 'requests' },
  { table: 'reviewLitigation' },
  { text: 'problems' },
  { text: 'other' },
]
