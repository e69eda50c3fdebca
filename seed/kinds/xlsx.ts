import { NotAReportError } from '@xxgk/schema'
import { ParseRefusal } from '../refusal.ts'
import { zipHasEntry } from './kind.ts'
import type { KindModule } from './kind.ts'

/**
 * Workbooks in the layout of the project's own XLSX export: every cell has one place, so the
 * export's reader (seed/xlsx.ts) gives the report directly.
 */
export const xlsxKind: KindModule = {
  kind: 'xlsx',
  options: { fuzzyLabels: false, blankPlacement: false },
  sniff: (input) => {
    const zip = input.bytes[0] === 0x50 && input.bytes[1] === 0x4b && input.bytes[2] === 0x03 && input.bytes[3] === 0x04
    if (!zip) return 0
    if (zipHasEntry(input.bytes, 'xl/workbook.xml')) return 10
    return /\.xlsx$/i.test(input.filename) ? 8 : 0
  },
  async parse(input) {
    const { parseReportXlsx } = await import('../xlsx.ts')
    try {
      return await parseReportXlsx(input.bytes)
    } catch (error) {
      if (error instanceof NotAReportError) throw new ParseRefusal(error.reason)
      throw error
    }
  },
}
