import type { DeclaredFacts } from '../read/document.ts'

/**
 * Web-archive text files (page.txt of a crawler) start with a header of `key: value` lines
 * (标题, 发布时间, 发布机构 …) and a `==== 正文 ====` rule; the report is after the rule.
 */
const RULE = /^={3,}\s*正文\s*={3,}\s*$/m

export function splitCrawlerHeader(text: string): { body: string; declared: DeclaredFacts; firstLine: number } {
  const rule = RULE.exec(text)
  if (!rule) return { body: text, declared: {}, firstLine: 1 }
  const header = text.slice(0, rule.index)
  const field = (name: string) => {
    const m = new RegExp(`^\\s*${name}\\s*[:：]\\s*(.*)$`, 'm').exec(header)
    const value = m?.[1]?.trim()
    return value ? value : undefined
  }
  return {
    body: text.slice(rule.index + rule[0].length),
    // the body starts on the rule's line (the rest of it)
    firstLine: text.slice(0, rule.index).split('\n').length,
    declared: { title: field('标题'), publishedAt: field('发布时间'), publisher: field('发布机构') },
  }
}
