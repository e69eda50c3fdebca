import { textLines } from '../read/document.ts'
import type { Line } from '../read/document.ts'
import { markdownLines } from './markdown.ts'
import { splitCrawlerHeader } from './crawler.ts'
import { unifyIdeographs } from '../read/text.ts'
import { hasExtension } from './kind.ts'
import type { KindModule } from './kind.ts'

/**
 * OCR output (plain text or Markdown): besides everything PDF text does wrong, characters are
 * misread — letters for digits inside numbers (O for 0, l for 1), look-alike characters in
 * labels and names (沭 read as 沐). Numbers are repaired where a token is a number but for such
 * letters; labels are matched allowing a misread character; the agency name is checked against
 * the readings the text repeats (see read/meta.ts).
 */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', '|': '1', í: '1', S: '5', B: '8', Z: '2' }

/**
 * A whitespace-separated word that is a number but for OCR look-alikes (1O → 10). A word of
 * look-alikes only (a lone O) is repaired only on a line of numbers (`amongNumbers`).
 */
export function repairNumber(word: string, amongNumbers = false): string {
  if (word.length > 12) return word
  if (!/[0-9]/.test(word) && !(amongNumbers && word.length <= 2)) return word
  if (![...word].every((c) => /[0-9.,]/.test(c) || c in DIGIT_LOOKALIKES)) return word
  return [...word].map((c) => DIGIT_LOOKALIKES[c] ?? c).join('')
}

function repairLine(line: Line): Line {
  return {
    ...line,
    cells: line.cells.map((cell) => {
      const text = unifyIdeographs(cell.text)
      const numbers = (text.match(/(?:^|\s)[0-9][0-9.,]*(?=\s|$)/g) ?? []).length
      // a value line: several numbers, or a label and one value at its end (行政许可 O)
      const labelAndValue = /[\u3400-\u9fff]\S*\s+\S{1,2}\s*$/.test(text)
      return {
        ...cell,
        text: text.replace(/\S+/g, (w, at: number) => repairNumber(w, numbers >= 2 || (labelAndValue && at + w.length >= text.trimEnd().length))),
      }
    }),
  }
}

export const ocrKind: KindModule = {
  kind: 'ocr',
  options: { fuzzyLabels: true, blankPlacement: true, approximateColumns: true },
  sniff: (input) => (input.text !== null && /\.ocr\.(txt|md|text)$/i.test(input.filename) ? 9 : 0),
  read(input) {
    const { body, declared, firstLine } = splitCrawlerHeader(input.text ?? '')
    const lines = hasExtension(input, '.md') ? markdownLines(body, firstLine) : textLines(body, firstLine)
    return { kind: 'ocr', lines: lines.map(repairLine), declared }
  },
}
