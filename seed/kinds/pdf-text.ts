import { textLines } from '../read/document.ts'
import { splitCrawlerHeader } from './crawler.ts'
import { hasExtension } from './kind.ts'
import type { KindModule } from './kind.ts'

/**
 * Text extracted from a PDF (pdftotext and the like): one line per printed line, cells
 * separated by spaces, long labels and headings wrapped mid-word, a row's last number
 * sometimes wrapped onto its own line. The default kind for plain text.
 */
export const pdfTextKind: KindModule = {
  kind: 'pdf-text',
  options: { fuzzyLabels: false, blankPlacement: true },
  sniff: (input) => (input.text === null ? 0 : hasExtension(input, '.txt', '.text') ? 2 : 1),
  read(input) {
    const { body, declared, firstLine } = splitCrawlerHeader(input.text ?? '')
    return { kind: 'pdf-text', lines: textLines(body, firstLine), declared }
  },
}
