import type { PlainText, SourceDocument } from './document.ts'
import { halfWidth } from './text.ts'

/**
 * The reader's view of a document: pieces of text, numbers and blank cells, in reading order.
 * A number keeps its digits as printed (leading zeros included) because a run of digits from a
 * flattened page may hold several cells that are split later.
 */
interface TokenBase {
  /** Index of the line in the document. */
  line: number
  /** Offset in the plain text (see plainText()). */
  at: number
  /** Horizontal centre on the page (PDF). */
  x?: number
}

export interface TextToken extends TokenBase {
  t: 'text'
  s: string
}

export interface NumToken extends TokenBase {
  t: 'num'
  /** Digits as printed, possibly with one decimal point, no sign. */
  digits: string
  negative: boolean
  /** Unit printed after the number; amounts are stored in 万元. */
  unit: 'yuan' | 'wanyuan' | null
  /** The characters as printed (sign, separators and unit included): the evidence for the cells read from it. */
  raw: string
}

export interface BlankToken extends TokenBase {
  t: 'blank'
  /** What stood in the cell: '' for an empty table cell, or a marker such as — / 无. */
  marker: string
}

export type Token = TextToken | NumToken | BlankToken

export const BLANK_MARKERS = new Set(['/', '\\', '-', '—', '——', '–', '－', '─', '无', '空', '/'])

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9'
const isSign = (c: string | undefined) => c === '-' || c === '−'
const NUMBERING_SEPARATOR = /[.、．,，]/

/** Tokens of the lines that overlap any of the ranges (the tables), or of every line. */
export function tokenize(doc: SourceDocument, plain: PlainText, ranges?: readonly { start: number; end: number }[]): Token[] {
  const tokens: Token[] = []
  doc.lines.forEach((line, li) => {
    if (ranges) {
      const start = plain.lineStart[li]!
      const end = li + 1 < plain.lineStart.length ? plain.lineStart[li + 1]! : plain.text.length
      if (!ranges.some((r) => r.start < end && r.end > start)) return
    }
    line.cells.forEach((cell, ci) => {
      const at = plain.cellStart[li]![ci]!
      tokenizeCell(cell.text, li, at, cell.x, cell.grid === true, tokens)
    })
  })
  return tokens
}

function tokenizeCell(raw: string, line: number, at: number, x: number | undefined, grid: boolean, out: Token[]): void {
  const text = halfWidth(raw)
  const trimmed = text.trim()
  if (trimmed === '') {
    if (grid) out.push({ t: 'blank', marker: '', line, at, x })
    return
  }
  if (BLANK_MARKERS.has(trimmed)) {
    out.push({ t: 'blank', marker: trimmed, line, at: at + text.indexOf(trimmed), x })
    return
  }
  const words = /\S+/g
  for (let m = words.exec(text); m; m = words.exec(text)) {
    const word = m[0]
    const start = at + m.index
    if (BLANK_MARKERS.has(word)) out.push({ t: 'blank', marker: word, line, at: start, x })
    else tokenizeWord(word, line, start, x, out)
  }
}

/**
 * Splits a word into text and number runs. A short number followed by 、 or . and then text is
 * an item number of a label (1.属于国家秘密); at the end of a longer run of digits, its last
 * digit is that item number (…00000002.其他法律… on a flattened page).
 */
function tokenizeWord(word: string, line: number, at: number, x: number | undefined, out: Token[]): void {
  let text = ''
  let textAt = 0
  const flushText = () => {
    if (text) out.push({ t: 'text', s: text, line, at: at + textAt, x })
    text = ''
  }
  let i = 0
  while (i < word.length) {
    const c = word[i]!
    // A minus sign before digits is a sign, also right after other digits: cells run together
    // on a flattened page (2648-18538: 2648 | -18 | 538, the 2019 edition's 本年增/减 may be negative).
    const signed = isSign(c) && isDigit(word[i + 1])
    if (!isDigit(c) && !signed) {
      let end = i + 1
      while (end < word.length && !isDigit(word[end]) && !(isSign(word[end]) && isDigit(word[end + 1]))) end++
      if (!text) textAt = i
      text += word.slice(i, end)
      i = end
      continue
    }
    const begin = i
    if (signed) i++
    const digitsStart = i
    while (i < word.length && isDigit(word[i])) i++
    // thousands separators 1,234,567
    while (word[i] === ',' && /^[0-9]{3}(?![0-9])/.test(word.slice(i + 1, i + 5))) i += 4
    if (word[i] === '.' && isDigit(word[i + 1])) {
      i++
      while (i < word.length && isDigit(word[i])) i++
    }
    let digits = word.slice(digitsStart, i).replace(/,/g, '')
    const next = word[i]
    const isNumbering = next !== undefined && NUMBERING_SEPARATOR.test(next) && !digits.includes('.') && word[i + 1] !== undefined && !isDigit(word[i + 1])
    if (isNumbering && !signed) {
      const wholeIsItem = digits.length <= 2 && (begin === 0 || text !== '') && !(digits.length === 2 && digits[0] === '0')
      const itemDigits = wholeIsItem ? digits.length : 1
      const value = digits.slice(0, digits.length - itemDigits)
      if (value) {
        flushText()
        out.push({ t: 'num', digits: value, negative: false, unit: null, raw: value, line, at: at + begin, x })
      }
      if (!text) textAt = begin + value.length
      text += digits.slice(digits.length - itemDigits)
      continue
    }
    if (next === '%' || next === '‰') {
      if (!text) textAt = begin
      text += word.slice(begin, i + 1)
      i++
      continue
    }
    flushText()
    let unit: NumToken['unit'] = null
    if (word.startsWith('万元', i)) {
      unit = 'wanyuan'
      i += 2
    } else if (word[i] === '元') {
      unit = 'yuan'
      i += 1
    }
    if (digits === '') digits = '0'
    out.push({ t: 'num', digits, negative: signed, unit, raw: word.slice(begin, i), line, at: at + begin, x })
  }
  flushText()
}
