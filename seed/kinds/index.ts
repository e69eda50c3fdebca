import { docxKind } from './docx'
import { flattenedKind } from './flattened'
import { htmlKind } from './html'
import type { KindModule } from './kind'
import { markdownKind } from './markdown'
import { ocrKind } from './ocr'
import { pdfKind } from './pdf'
import { pdfTextKind } from './pdf-text'
import { xlsxKind } from './xlsx'

/** Every source kind; a new kind is one module added here. */
export const KINDS: readonly KindModule[] = [pdfKind, docxKind, xlsxKind, htmlKind, markdownKind, ocrKind, flattenedKind, pdfTextKind]
