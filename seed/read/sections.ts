import type { NarrativeKey } from '@xxgk/schema'
import { findHeading, findNumberedHeading } from './headings.ts'
import { narrativeCore } from './regions.ts'
import type { Regions } from './regions.ts'
import { isPageFurniture } from './document.ts'

/**
 * The narrative sections 一 总体情况 (text.overview), 五 存在的主要问题及改进情况 (text.problems)
 * and 六 其他需要报告的事项 (text.other), found by their heading text whatever their numeral
 * (Shanghai's template renumbers them). A section ends at the next top-level heading; when the
 * problems heading is lost (as in a PDF-to-Markdown conversion), its body is the text between
 * the end of table 4 and the next section's heading.
 */
export interface Sections {
  overview: string | null
  problems: string | null
  other: string | null
  /** Where the overview heading starts (the title is looked for before it). */
  overviewAt: number | null
}

interface Hit {
  at: number
  end: number
  numeral: number | null
}

const SENTENCE_END = /^[。！？；：!?;:”」』）)]$/

/** A section body made readable: lines trimmed, page furniture dropped, wrapped lines joined. */
export function cleanSection(raw: string): string | null {
  const lines = raw
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((l) => l && !isPageFurniture(l))
  if (!lines.length) return null
  // the tests look at the last character only: an end-anchored regex on the growing text
  // rescans it every line (quadratic: minutes for a few MB of narrative)
  const parts: string[] = [lines[0]!.replace(/^[：:，,。\s]+/, '')]
  let last = parts[0]!.slice(-1)
  for (const line of lines.slice(1)) {
    if (SENTENCE_END.test(last)) parts.push(`\n${line}`)
    else if (/[A-Za-z0-9]/.test(last) && /^[A-Za-z0-9]/.test(line)) parts.push(` ${line}`)
    else parts.push(line)
    last = line.slice(-1)
  }
  let out = parts.join('')
  out = out.trim()
  return out || null
}

function sectionEnd(text: string, hit: Hit, stops: readonly (number | null | undefined)[]): number {
  let end = text.length
  for (const stop of stops) if (typeof stop === 'number' && stop > hit.end && stop < end) end = stop
  if (hit.numeral !== null) {
    const next = findNumberedHeading(text, hit.numeral + 1, hit.end)
    if (next !== null && next < end) end = next
  }
  return end
}

export function extractSections(text: string, regions: Regions, reviewEnd: number | null): Sections {
  const tablesStart = regions.proactive?.start ?? regions.requests?.start ?? regions.reviewLitigation?.start ?? null
  const tablesEnd = regions.reviewLitigation?.end ?? regions.requests?.end ?? null
  const find = (key: NarrativeKey, from = 0) => {
    const { core, required } = narrativeCore(key)
    return findHeading(text, core, from, required)
  }
  const overview = find('overview')
  const afterTables = regions.reviewLitigation?.start ?? regions.requests?.start ?? overview?.end ?? 0
  const problems = find('problems', afterTables)
  const other = find('other', problems?.end ?? afterTables)

  const body = (hit: Hit | null, stops: (number | null | undefined)[]) => (hit ? cleanSection(text.slice(hit.end, sectionEnd(text, hit, stops))) : null)

  let problemsText = body(problems, [other?.at])
  if (!problems && reviewEnd !== null) {
    const end = other?.at ?? tablesEnd ?? text.length
    if (end > reviewEnd) problemsText = cleanSection(text.slice(reviewEnd, end))
  }
  return {
    overview: body(overview, [tablesStart, problems?.at, other?.at]),
    problems: problemsText,
    other: body(other, []),
    overviewAt: overview?.at ?? null,
  }
}
