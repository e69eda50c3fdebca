import JSZip from 'jszip'
import type { Cell, Line } from '../read/document.ts'
import { refuse } from '../refusal.ts'
import { zipHasEntry } from './kind.ts'
import type { KindModule } from './kind.ts'

/**
 * Word documents (.docx), the format most agencies write in: word/document.xml read directly.
 * Paragraphs become lines; each table row becomes a line of cells. A cell continuing a
 * vertical merge (w:vMerge without restart) is left out, like a rowspan in HTML; a cell
 * spanning columns (w:gridSpan) is one cell. Deleted text of tracked changes and the fallback
 * copies of alternate content are skipped.
 */
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole
    }
    return XML_ENTITIES[name] ?? whole
  })
}

interface TableState {
  row: Cell[] | null
  cell: { text: string; continued: boolean } | null
  /** Rows of the table read so far (the evidence's table row). */
  rows?: number
}

const TAG = /<(\/?)(w:(?:p|tbl|tr|tc|t|tab|br|cr|vMerge|del|delText|instrText|noBreakHyphen|softHyphen)|mc:Fallback)\b([^<>]*?)(\/?)>|([^<]+)/g

export function documentLines(xml: string): Line[] {
  const lines: Line[] = []
  const tables: TableState[] = []
  let paragraph = ''
  let inText = false
  let deleted = 0
  let instruction = false

  const append = (text: string) => {
    const table = tables[tables.length - 1]
    if (table?.cell) table.cell.text += text
    else paragraph += text
  }
  const endParagraph = () => {
    const table = tables[tables.length - 1]
    if (table?.cell) {
      table.cell.text += ' '
      return
    }
    const text = paragraph.replace(/[ \t\u00a0]+/g, ' ').trim()
    if (text) lines.push({ cells: [{ text }] })
    paragraph = ''
  }

  const bodyAt = xml.indexOf('<w:body')
  TAG.lastIndex = bodyAt >= 0 ? bodyAt : 0
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [, slash, name, attrs = '', selfClosing, text] = m
    if (text !== undefined) {
      if (inText && !deleted && !instruction) append(decodeXml(text))
      continue
    }
    const closing = slash === '/'
    const table = tables[tables.length - 1]
    switch (name) {
      case 'w:t':
        inText = !closing && !selfClosing
        break
      case 'w:instrText':
        instruction = !closing && !selfClosing
        break
      case 'w:del':
      case 'mc:Fallback': // the same content again, for readers that lack a feature
        if (!selfClosing) deleted += closing ? -1 : 1
        break
      case 'w:tab':
        if (!closing) append(' ')
        break
      case 'w:br':
      case 'w:cr':
        if (!closing) append(table?.cell ? ' ' : '\n')
        break
      case 'w:noBreakHyphen':
        if (!closing) append('-')
        break
      case 'w:p':
        if (closing || selfClosing) endParagraph()
        break
      case 'w:tbl':
        if (!closing) {
          if (table?.cell) {
            // A table nested in a cell: read the outer cell so far as text, then the inner table.
            paragraph = table.cell.text
            table.cell.text = ''
            const text = paragraph.trim()
            if (text) lines.push({ cells: [{ text }] })
            paragraph = ''
          }
          tables.push({ row: null, cell: null })
        } else tables.pop()
        break
      case 'w:tr':
        if (!table) break
        if (!closing) table.row = []
        else if (table.row) {
          if (table.row.length) lines.push({ cells: table.row, source: { row: (table.rows = (table.rows ?? 0) + 1) } })
          table.row = null
        }
        break
      case 'w:tc':
        if (!table) break
        if (!closing) table.cell = { text: '', continued: false }
        else if (table.cell) {
          if (!table.cell.continued) table.row?.push({ text: table.cell.text.replace(/\s+/g, ' ').trim(), grid: true })
          table.cell = null
        }
        break
      case 'w:vMerge':
        if (table?.cell && !/w:val\s*=\s*"restart"/.test(attrs)) table.cell.continued = true
        break
    }
  }
  endParagraph()
  return lines
}

export async function docxLines(bytes: Uint8Array): Promise<{ lines: Line[]; title?: string }> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch (error) {
    return refuse(`Word 文件已损坏（${(error as Error).message}）`, `the Word file is damaged (${(error as Error).message})`)
  }
  const main = zip.file('word/document.xml')
  if (!main) return refuse('不是 Word 文档：压缩包中没有 word/document.xml', 'not a Word document: the archive has no word/document.xml')
  const xml = await main.async('string')
  const core = await zip.file('docProps/core.xml')?.async('string')
  const title = core ? /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] : undefined
  return { lines: documentLines(xml), title: title ? decodeXml(title).trim() || undefined : undefined }
}

export const docxKind: KindModule = {
  kind: 'docx',
  options: { fuzzyLabels: true, blankPlacement: true },
  sniff: (input) => {
    const zip = input.bytes[0] === 0x50 && input.bytes[1] === 0x4b && input.bytes[2] === 0x03 && input.bytes[3] === 0x04
    if (!zip) return 0
    if (zipHasEntry(input.bytes, 'word/document.xml')) return 10
    return /\.docx$/i.test(input.filename) ? 8 : 1
  },
  async read(input) {
    const { lines, title } = await docxLines(input.bytes)
    return { kind: 'docx', lines, declared: title ? { title } : {} }
  },
}
