import { docxKind } from './docx.ts'
import { flattenedKind } from './flattened.ts'
import { htmlKind } from './html.ts'
import type { KindModule } from './kind.ts'
import { markdownKind } from './markdown.ts'
import { ocrKind } from './ocr.ts'
import { pdfKind } from './pdf.ts'
import { pdfTextKind } from './pdf-text.ts'
import { xlsxKind } from './xlsx.ts'

/** Every source kind; a new kind is one module added here. */
export const KINDS: readonly KindModule[] = [pdfKind, docxKind, xlsxKind, htmlKind, markdownKind, ocrKind, flattenedKind, pdfTextKind]
