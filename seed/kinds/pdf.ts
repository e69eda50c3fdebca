import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { isPageFurniture } from '../read/document.ts'
import type { Cell, Line } from '../read/document.ts'
import { checkPdfPages, runCounter } from '../limits.ts'
import { refuse } from '../refusal.ts'
import { unifyIdeographs } from '../read/text.ts'
import type { KindModule } from './kind.ts'

/**
 * PDF with a text layer (pdfjs-dist, legacy build for Node). Text comes as positioned runs;
 * rows are rebuilt from their vertical positions, cells from the horizontal gaps between runs,
 * and each cell keeps its horizontal centre so a blank table cell (which prints nothing) can
 * be placed by column. Pages are joined in order after dropping page furniture (page numbers,
 * a browser's running header and footer), so a table that continues on the next page reads
 * on as one table.
 */
interface Run {
  text: string
  x: number
  y: number
  width: number
  height: number
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let loading: Promise<PdfJs> | null = null
/**
 * pdfjs parses in this thread with the worker module given here, so it never looks for
 * pdf.worker.mjs on disk: inside a host app's server bundle (Next) that file is not beside the
 * code, and no host setting (serverExternalPackages) is needed for PDF import to work.
 */
const pdfjs = () =>
  (loading ??= (async () => {
    const global = globalThis as { pdfjsWorker?: unknown }
    // @ts-expect-error pdfjs-dist ships no types for its worker module, which is only handed to pdfjs
    global.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })())

/**
 * pdfjs-dist's folder (its cmaps and standard fonts), found when first needed. Inside the Next
 * app's server bundle `resolve` answers a module id, not a path (and at module evaluation that
 * broke `next build`), so the installed package under the working directory is the fallback.
 */
let pdfjsFolder: string | null = null
function pdfjsDir(): string {
  if (pdfjsFolder === null) {
    let resolved: unknown
    try {
      resolved = createRequire(import.meta.url).resolve('pdfjs-dist/package.json')
    } catch {
      resolved = null
    }
    pdfjsFolder = typeof resolved === 'string' ? dirname(resolved) : join(process.cwd(), 'node_modules', 'pdfjs-dist')
  }
  return pdfjsFolder
}

/** Runs on one printed row: vertical centres within half a glyph height of each other. */
function rowsOf(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: { y: number; h: number; runs: Run[] }[] = []
  for (const run of sorted) {
    const row = rows.find((r) => Math.abs(r.y - run.y) <= 0.5 * Math.min(r.h, run.height))
    if (row) row.runs.push(run)
    else rows.push({ y: run.y, h: run.height, runs: [run] })
  }
  return rows.map((r) => r.runs.sort((a, b) => a.x - b.x))
}

const NUMERIC = /^[0-9][0-9.,]*$/

/**
 * A number too wide for its cell wraps inside it (300 over 1 for 3001; Word's narrow template
 * columns do this). Two numeric runs in the same cell position one line apart are one number
 * when the row's other numbers are printed halfway between them (vertically centred cells).
 * Values of two separate table rows never have numbers printed halfway between them.
 */
export function joinWrappedNumbers(runs: Run[]): Run[] {
  const numbers = runs.filter((r) => NUMERIC.test(r.text)).sort((a, b) => b.y - a.y)
  const used = new Set<Run>()
  const joined: Run[] = []
  for (const upper of numbers) {
    if (used.has(upper)) continue
    const h = upper.height
    const lower = numbers.find(
      (b) =>
        !used.has(b) &&
        b !== upper &&
        Math.abs(b.height - h) < 0.15 * h &&
        upper.y - b.y >= 0.9 * h &&
        upper.y - b.y <= 1.6 * h &&
        (Math.abs(b.x - upper.x) < 0.3 * h || Math.abs(b.x + b.width / 2 - (upper.x + upper.width / 2)) < 0.3 * h) &&
        upper.width >= b.width - 0.1 * h,
    )
    if (!lower) continue
    const left = Math.min(upper.x, lower.x)
    const right = Math.max(upper.x + upper.width, lower.x + lower.width)
    const middle = (upper.y + lower.y) / 2
    const between = numbers.some((r) => r !== upper && r !== lower && Math.abs(r.y - middle) < 0.25 * h && (r.x + r.width < left || r.x > right))
    if (!between) continue
    used.add(upper)
    used.add(lower)
    joined.push({ text: upper.text + lower.text, x: left, width: right - left, y: (upper.y + lower.y) / 2, height: h })
  }
  return used.size ? [...runs.filter((r) => !used.has(r)), ...joined] : runs
}

/** Runs closer than a third of a glyph are one cell (a label split by font changes). */
function cellsOf(row: Run[]): Cell[] {
  const cells: Cell[] = []
  let current: { text: string; left: number; right: number; height: number } | null = null
  for (const run of row) {
    const gap = current ? run.x - current.right : Infinity
    if (current && gap < 0.35 * Math.min(current.height, run.height)) {
      const ascii = /[A-Za-z0-9]$/.test(current.text) && /^[A-Za-z0-9]/.test(run.text)
      current.text += (ascii && gap > 0.15 * run.height ? ' ' : '') + run.text
      current.right = Math.max(current.right, run.x + run.width)
    } else {
      if (current) cells.push({ text: current.text, x: (current.left + current.right) / 2 })
      current = { text: run.text, left: run.x, right: run.x + run.width, height: run.height }
    }
  }
  if (current) cells.push({ text: current.text, x: (current.left + current.right) / 2 })
  return cells
}

/** A browser's header/footer line: a date, the page title, a URL, "1/3". */
const BROWSER_CHROME = /:\/\/|^\s*\d{1,2}\/\d{1,2}\/\d{2,4}|\d+\s*\/\s*\d+\s*$/

export async function pdfLines(bytes: Uint8Array): Promise<{ lines: Line[]; title?: string }> {
  const lib = await pdfjs()
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>
  try {
    doc = await lib.getDocument({
      data: bytes.slice(),
      disableFontFace: true,
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
      cMapUrl: join(pdfjsDir(), 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(pdfjsDir(), 'standard_fonts') + '/',
    }).promise
  } catch (error) {
    return refuse(`PDF 文件已损坏或无法打开（${(error as Error).message}）`, `the PDF is damaged or cannot be opened (${(error as Error).message})`)
  }
  try {
    checkPdfPages(doc.numPages)
    const countRuns = runCounter()
    // Pages are requested together: pdfjs answers through messages, and waits overlap.
    const pages = await Promise.all(
      Array.from({ length: doc.numPages }, async (_, i) => {
        const page = await doc.getPage(i + 1)
        const [, , , top] = page.view
        const content = await page.getTextContent()
        countRuns(i + 1, content.items.length)
        const runs: Run[] = []
        for (const item of content.items) {
          if (!('str' in item) || !item.str.trim()) continue
          const [a, b, c, d, e, f] = item.transform as number[]
          if (Math.abs(b!) > 0.01 * Math.abs(a!) || Math.abs(c!) > 0.01 * Math.abs(d!)) continue
          const height = Math.hypot(c!, d!) || item.height || 10
          runs.push({ text: unifyIdeographs(item.str.replace(/\s+$/, '')), x: e!, y: f! + height / 2, width: item.width, height })
        }
        const rows = rowsOf(joinWrappedNumbers(runs))
        page.cleanup()
        return { rows: rows.map(cellsOf), height: top!, ys: rows.map((r) => r[0]!.y) }
      }),
    )
    const meta = await doc.getMetadata().catch(() => null)
    const title = (meta?.info as { Title?: string } | undefined)?.Title
    return { lines: dropFurniture(pages), title: title && /政府信息公开/.test(title) ? title : undefined }
  } finally {
    await doc.destroy()
  }
}

/** Page numbers anywhere; in the top and bottom bands, lines repeated on several pages or a browser's chrome. */
function dropFurniture(pages: { rows: Cell[][]; height: number; ys: number[] }[]): Line[] {
  const text = (row: Cell[]) => row.map((c) => c.text).join(' ')
  const inBand = (page: { height: number }, y: number) => y > page.height * 0.94 || y < page.height * 0.06
  const seen = new Map<string, number>()
  for (const page of pages) {
    const here = new Set(page.rows.filter((r, i) => inBand(page, page.ys[i]!)).map((r) => text(r).replace(/\d+/g, '#')))
    for (const t of here) seen.set(t, (seen.get(t) ?? 0) + 1)
  }
  const lines: Line[] = []
  pages.forEach((page, p) => {
    page.rows.forEach((row, i) => {
      const t = text(row)
      if (isPageFurniture(t)) return
      if (inBand(page, page.ys[i]!)) {
        const words = /[A-Za-z\u3400-\u9fff]/.test(t)
        if (words && pages.length > 1 && (seen.get(t.replace(/\d+/g, '#')) ?? 0) > 1) return
        if (BROWSER_CHROME.test(t)) return
      }
      lines.push({ cells: row, source: { page: p + 1, line: i + 1 } })
    })
  })
  return lines
}

export const pdfKind: KindModule = {
  kind: 'pdf',
  options: { fuzzyLabels: true, blankPlacement: true },
  sniff: (input) => (input.bytes[0] === 0x25 && input.bytes[1] === 0x50 && input.bytes[2] === 0x44 && input.bytes[3] === 0x46 ? 10 : 0),
  async read(input) {
    const { lines, title } = await pdfLines(input.bytes)
    if (!lines.length) {
      refuse('PDF 没有文字层（可能是扫描件，需要先做 OCR）', 'the PDF has no text layer (probably a scan; it needs OCR first)')
    }
    return { kind: 'pdf', lines, declared: title ? { title } : {} }
  },
}
