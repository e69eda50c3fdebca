import { constants, inflateRawSync, inflateSync } from 'node:zlib'
import { ParseRefusal } from './refusal.ts'

/**
 * Bounds on what one uploaded file may cost to read. A real report is a few pages, a few
 * thousand text runs and well under a megabyte of XML; these limits sit far above that and far
 * below what freezes a server (issue 12: a 20,000-page PDF took 146 s and 4.1 GB, a 0.9 MB
 * DOCX zip bomb 116 s and 4.7 GB). Every check runs before the expensive work it guards.
 */
export const LIMITS = {
  /** Text sources (HTML, Markdown, text): characters after decoding. */
  textChars: 5_000_000,
  /**
   * Lines of a read document, whatever its kind (a real report has a few thousand): the table
   * reader's cost grows with the lines that look like rows (60,000 take about 4 s).
   */
  documentLines: 60_000,
  /** PDF pages. */
  pdfPages: 300,
  /** PDF text runs on one page and in the whole document. */
  pdfRunsPerPage: 8_000,
  pdfRuns: 60_000,
  /** Bytes all compressed streams of a PDF, or all entries of a zip (DOCX, XLSX), inflate to. */
  inflatedBytes: 100 * 1024 * 1024,
  /** Entries of a zip. */
  zipEntries: 5_000,
} as const

/** A file refused because reading it would cost too much: HTTP 413. */
export class TooLargeRefusal extends ParseRefusal {
  readonly status = 413
  constructor(zh: string, en: string) {
    super({ zh: `文件超出可读取的上限：${zh}`, en: `the file exceeds what can be read: ${en}` })
  }
}

export function tooLarge(zh: string, en: string): never {
  throw new TooLargeRefusal(zh, en)
}

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

export function checkTextSize(text: string | null): void {
  if (text !== null && text.length > LIMITS.textChars) {
    tooLarge(`文本 ${text.length} 个字符（上限 ${LIMITS.textChars}）`, `${text.length} characters of text (limit ${LIMITS.textChars})`)
  }
}

/** Inflates with a ceiling; a truncated stream is read as far as it goes. Null when the data is not deflate at all. */
function inflateBounded(data: Uint8Array, limit: number, raw: boolean): Buffer | null | 'over' {
  try {
    const options = { maxOutputLength: Math.max(1, limit), finishFlush: constants.Z_SYNC_FLUSH }
    return raw ? inflateRawSync(data, options) : inflateSync(data, options)
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return 'over'
    return null
  }
}

function inflateTooLarge(): never {
  throw new TooLargeRefusal(
    `解压后超过 ${MB(LIMITS.inflatedBytes)}（压缩炸弹？）`,
    `it inflates to more than ${MB(LIMITS.inflatedBytes)} (a compression bomb?)`,
  )
}

const latin1 = new TextDecoder('latin1')

/**
 * Every Flate stream of a PDF inflated once against one budget, before pdfjs opens it (pdfjs
 * inflates a stream whole in memory: a 1 MB flate bomb became 1 GB). Streams compressed twice
 * are followed down. Streams that do not inflate are left to pdfjs to judge.
 */
export function checkPdfStreams(bytes: Uint8Array): void {
  const text = latin1.decode(bytes)
  // page objects written out plainly are counted before pdfjs builds them (pdfjs counts again after opening)
  let pages = 0
  for (const _ of text.matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)) pages++
  checkPdfPages(pages)
  let budget: number = LIMITS.inflatedBytes
  let at = 0
  for (;;) {
    const keyword = text.indexOf('stream', at)
    if (keyword === -1) return
    at = keyword + 6
    if (text.startsWith('endstream', keyword - 3)) continue
    let start = keyword + 6
    if (text[start] === '\r') start++
    if (text[start] === '\n') start++
    else if (text[start - 1] !== '\r') continue
    const dictionary = text.slice(Math.max(0, keyword - 1024), keyword)
    const end = text.indexOf('endstream', start)
    const stop = end === -1 ? text.length : end
    at = stop
    if (!/\/(FlateDecode|Fl)\b/.test(dictionary.slice(dictionary.lastIndexOf('obj') + 1))) continue
    let data: Uint8Array = bytes.subarray(start, stop)
    for (let depth = 0; depth < 4; depth++) {
      const out = inflateBounded(data, budget + 1, false)
      if (out === 'over' || (out && out.length > budget)) inflateTooLarge()
      if (!out) break
      budget -= out.length
      // compressed again inside (a filter chain of FlateDecode twice)
      if (!(out[0] === 0x78 && (out[1] === 0x01 || out[1] === 0x5e || out[1] === 0x9c || out[1] === 0xda))) break
      data = out
    }
  }
}

/**
 * Every entry of a zip (DOCX, XLSX) inflated once against one budget, from its central
 * directory, before JSZip or ExcelJS inflate it whole: the sizes an archive declares may lie,
 * so the data itself is inflated with a ceiling.
 */
export function checkZip(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd === -1) return // not readable as a zip: the reader reports it
  const entries = view.getUint16(eocd + 10, true)
  if (entries > LIMITS.zipEntries)
    tooLarge(`压缩包有 ${entries} 个条目（上限 ${LIMITS.zipEntries}）`, `the archive has ${entries} entries (limit ${LIMITS.zipEntries})`)
  let offset = view.getUint32(eocd + 16, true)
  let budget: number = LIMITS.inflatedBytes
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return
    const method = view.getUint16(offset + 10, true)
    const compressed = view.getUint32(offset + 20, true)
    const declared = view.getUint32(offset + 24, true)
    const nameLength = view.getUint16(offset + 28, true)
    const extraLength = view.getUint16(offset + 30, true)
    const commentLength = view.getUint16(offset + 32, true)
    const local = view.getUint32(offset + 42, true)
    offset += 46 + nameLength + extraLength + commentLength
    if (declared === 0xffffffff || compressed === 0xffffffff) inflateTooLarge()
    if (declared > budget) inflateTooLarge()
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) continue
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    const data = bytes.subarray(dataStart, Math.min(bytes.length, dataStart + compressed))
    if (method === 0) budget -= data.length
    else if (method === 8) {
      const out = inflateBounded(data, budget + 1, true)
      if (out === 'over' || (out && out.length > budget)) inflateTooLarge()
      if (out) budget -= out.length
    }
    if (budget < 0) inflateTooLarge()
  }
}

/** The checks that need only the bytes, by what the file is. */
export function checkInputLimits(source: { bytes: Uint8Array; text: string | null }): void {
  const b = source.bytes
  if (b.length > 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) checkPdfStreams(b)
  else if (b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) checkZip(b)
  else checkTextSize(source.text)
}

export function checkDocumentLines(lines: number): void {
  if (lines > LIMITS.documentLines)
    tooLarge(`文档共 ${lines} 行（上限 ${LIMITS.documentLines}）`, `the document has ${lines} lines (limit ${LIMITS.documentLines})`)
}

export function checkPdfPages(pages: number): void {
  if (pages > LIMITS.pdfPages) tooLarge(`PDF 共 ${pages} 页（上限 ${LIMITS.pdfPages}）`, `the PDF has ${pages} pages (limit ${LIMITS.pdfPages})`)
}

/** Counts text runs as pages are read; refuses once a page or the document passes its limit. */
export function runCounter(): (page: number, runs: number) => void {
  let total = 0
  return (page, runs) => {
    total += runs
    if (runs > LIMITS.pdfRunsPerPage) {
      tooLarge(
        `PDF 第 ${page} 页有 ${runs} 段文字（上限 ${LIMITS.pdfRunsPerPage}）`,
        `page ${page} of the PDF has ${runs} text runs (limit ${LIMITS.pdfRunsPerPage})`,
      )
    }
    if (total > LIMITS.pdfRuns) tooLarge(`PDF 文字段数超过 ${LIMITS.pdfRuns}`, `the PDF has more than ${LIMITS.pdfRuns} text runs`)
  }
}
