import { isPageFurniture } from '../read/document.ts'
import type { Line } from '../read/document.ts'
import { hasExtension } from './kind.ts'
import type { KindModule } from './kind.ts'

/**
 * Markdown from a PDF converter: tables come as `| a | b |` rows (often torn into fragments,
 * with value rows whose label ended up elsewhere), the rest as text lines. Each table row is a
 * line of grid cells; the separator rows are dropped.
 */
const TABLE_ROW = /^\s*\|(.*)\|\s*$/
const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/

export function markdownLines(text: string, firstLine = 1): Line[] {
  const lines: Line[] = []
  let tableRow = 0
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (SEPARATOR.test(raw)) return
    const row = TABLE_ROW.exec(raw)
    const line = firstLine + i
    if (row) {
      lines.push({ cells: row[1]!.split('|').map((c) => ({ text: c.trim(), grid: true })), source: { line, row: ++tableRow } })
      return
    }
    tableRow = 0
    if (isPageFurniture(raw)) return
    lines.push({ cells: [{ text: raw.replace(/^\s*#{1,6}\s+/, '') }], source: { line } })
  })
  return lines
}

export const markdownKind: KindModule = {
  kind: 'markdown',
  options: { fuzzyLabels: true, blankPlacement: true },
  sniff(input) {
    if (input.text === null) return 0
    if (hasExtension(input, '.md', '.markdown')) return 6
    return /^\s*\|.*\|\s*$/m.test(input.text) && SEPARATOR.test(input.text.split('\n').find((l) => SEPARATOR.test(l)) ?? '') ? 3 : 0
  },
  read: (input) => ({ kind: 'markdown', lines: markdownLines(input.text ?? ''), declared: {} }),
}
