import { textLines } from '../read/document'
import type { Line } from '../read/document'
import { markdownLines } from './markdown'
import { splitCrawlerHeader } from './crawler'
import { unifyIdeographs } from '../read/text'
import { hasExtension } from './kind'
import type { KindModule } from './kind'

/**
 * OCR output (plain text or Markdown): besides everything PDF text does wrong, characters are
 * misread — letters for digits inside numbers (O for 0, l for 1), look-alike characters in
 * labels and names (沭 read as 沐). Numbers are repaired where a token is a number but for such
 * letters; labels are matched allowing a misread character; the agency name is checked against
 * the readings the text repeats (see read/meta.ts).
 */
const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', '|': '1', í: '1', S: '5', B: '8', Z: '2' }

/** A whitespace-separated word that is a number but for OCR look-alikes (1O → 10). */
export function repairNumber(word: string): string {
  if (!/[0-9]/.test(word) || word.length > 12) return word
  if (![...word].every((c) => /[0-9.,]/.test(c) || c in DIGIT_LOOKALIKES)) return word
  return [...word].map((c) => DIGIT_LOOKALIKES[c] ?? c).join('')
}

function repairLine(line: Line): Line {
  return {
    cells: line.cells.map((cell) => ({
      ...cell,
      text: unifyIdeographs(cell.text).replace(/\S+/g, (w) => repairNumber(w)),
    })),
  }
}

export const ocrKind: KindModule = {
  kind: 'ocr',
  options: { fuzzyLabels: true, blankPlacement: true },
  sniff: (input) => (input.text !== null && /\.ocr\.(txt|md|text)$/i.test(input.filename) ? 9 : 0),
  read(input) {
    const { body, declared } = splitCrawlerHeader(input.text ?? '')
    const lines = hasExtension(input, '.md') ? markdownLines(body) : textLines(body)
    return { kind: 'ocr', lines: lines.map(repairLine), declared }
  },
}
