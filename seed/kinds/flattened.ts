import { textLines } from '../read/document.ts'
import { splitCrawlerHeader } from './crawler.ts'
import type { KindModule } from './kind.ts'

/**
 * A web page flattened to text (crawler page.txt): each table row's cells run together with no
 * separator (一、本年新收政府信息公开申请数量21710000218 is 217|1|0|0|0|0|218). The reader splits
 * such runs with the rules; missing cells are never read as blank, since nothing marks them.
 */
const RUN_TOGETHER = /[\u3400-\u9fff）)]\d{5,}(?=[\u3400-\u9fff（(]|\s|$)/g

export function looksFlattened(text: string): boolean {
  let n = 0
  RUN_TOGETHER.lastIndex = 0
  while (RUN_TOGETHER.exec(text)) if (++n >= 3) return true
  return false
}

export const flattenedKind: KindModule = {
  kind: 'flattened',
  options: { fuzzyLabels: false, blankPlacement: false },
  sniff: (input) => (input.text !== null && looksFlattened(input.text) ? 5 : 0),
  read(input) {
    const { body, declared, firstLine } = splitCrawlerHeader(input.text ?? '')
    return { kind: 'flattened', lines: textLines(body, firstLine), declared }
  },
}
