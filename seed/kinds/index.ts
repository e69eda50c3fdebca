import { flattenedKind } from './flattened'
import { htmlKind } from './html'
import type { KindModule } from './kind'
import { markdownKind } from './markdown'
import { ocrKind } from './ocr'
import { pdfTextKind } from './pdf-text'

/** Every source kind; a new kind is one module added here. */
export const KINDS: readonly KindModule[] = [htmlKind, markdownKind, ocrKind, flattenedKind, pdfTextKind]
