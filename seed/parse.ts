import { CURRENT_EDITION, EDITION_IDS, editionForYear, editionIndex, getEdition, getTable, validateReport } from '@xxgk/schema'
import type { EditionId, Report, TableKey } from '@xxgk/schema'
import { KINDS } from './kinds/index.ts'
import type { KindModule, SourceInput } from './kinds/kind.ts'
import { decodeText } from './read/decode.ts'
import { plainText } from './read/document.ts'
import type { SourceDocument } from './read/document.ts'
import { detectEdition } from './read/edition.ts'
import { previousFigures, statedFigures } from './read/facts.ts'
import type { PreviousReport } from './read/facts.ts'
import { extractMeta } from './read/meta.ts'
import { findRegions } from './read/regions.ts'
import { extractSections } from './read/sections.ts'
import { solve } from './read/solve.ts'
import type { CellOrigin, CellValue } from './read/split.ts'
import { readTables } from './read/tables.ts'
import { compactLabel } from './read/text.ts'
import { tokenize } from './read/tokens.ts'
import { checkDocumentLines, checkInputLimits } from './limits.ts'
import { ParseRefusal, refuse } from './refusal.ts'
import type { Ambiguity, CellSource, ParseOptions, ParseResult, SourceKind } from './types.ts'

/**
 * Reads one report from a file's bytes (or its text) and its name: detects the kind, reads the
 * document, finds the edition from the table headers, reads the three tables, the title, agency,
 * year and narrative sections, and runs the rules on the result. Throws ParseRefusal when the
 * file is not a report that can be read.
 */
export async function parseReport(input: Uint8Array | ArrayBuffer | string, options: ParseOptions = {}): Promise<ParseResult> {
  const source = toSourceInput(input, options.filename ?? '')
  checkInputLimits(source) // bounded time and memory (seed/limits.ts)
  const module = pickKind(source, options.kind)
  if (module.parse) {
    const parsed = await module.parse(source)
    return { sources: {}, ...parsed, source: { kind: module.kind, ...(options.filename ? { filename: options.filename } : {}) } }
  }
  let doc: SourceDocument
  try {
    doc = await module.read!(source)
  } catch (error) {
    if (error instanceof ParseRefusal) throw error
    const detail = (error as Error)?.message ?? String(error)
    throw new ParseRefusal({
      zh: `文件无法读取（${describeKind(module.kind).zh}）：${detail}`,
      en: `the file cannot be read (${describeKind(module.kind).en}): ${detail}`,
    })
  }
  return interpretDocument(doc, module, options.filename, options.previous)
}

export function toSourceInput(input: Uint8Array | ArrayBuffer | string, filename: string): SourceInput {
  if (typeof input === 'string') return { bytes: new TextEncoder().encode(input), filename, text: input }
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
  const binary = isPdf(bytes) || isZip(bytes)
  return { bytes, filename, text: binary ? null : (decodeText(bytes)?.text ?? null) }
}

export const isPdf = (b: Uint8Array) => b.length > 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46
export const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04

/** The kind whose module is surest about the input. */
export function pickKind(source: SourceInput, forced?: SourceKind): KindModule {
  if (forced) {
    const module = KINDS.find((k) => k.kind === forced)
    if (!module) refuse(`未知的来源类型 ${forced}`, `unknown source kind ${forced}`)
    return module!
  }
  let best: KindModule | null = null
  let score = 0
  for (const module of KINDS) {
    const s = module.sniff(source)
    if (s > score) {
      best = module
      score = s
    }
  }
  if (!best) {
    return refuse(
      '不支持的文件格式：不是 PDF、Word（.docx）、网页（HTML）、Markdown 或文本文件',
      'unsupported file format: not a PDF, Word (.docx), web page (HTML), Markdown or text file',
    )
  }
  return best
}

const KIND_NAMES: Record<SourceKind, { zh: string; en: string }> = {
  pdf: { zh: 'PDF', en: 'PDF' },
  'pdf-text': { zh: 'PDF 文本', en: 'PDF text' },
  flattened: { zh: '网页文本', en: 'flattened web text' },
  html: { zh: '网页', en: 'HTML' },
  markdown: { zh: 'Markdown', en: 'Markdown' },
  ocr: { zh: 'OCR 文本', en: 'OCR text' },
  docx: { zh: 'Word 文档', en: 'Word document' },
  xlsx: { zh: 'Excel 工作簿', en: 'Excel workbook' },
}

export const describeKind = (kind: SourceKind) => KIND_NAMES[kind]

const TABLE_KEYS: readonly TableKey[] = ['proactive', 'requests', 'reviewLitigation']

export function interpretDocument(doc: SourceDocument, module: KindModule, filename?: string, previous?: PreviousReport | null): ParseResult {
  checkDocumentLines(doc.lines.length)
  const plain = plainText(doc)
  const ambiguities: Ambiguity[] = []

  const editionReading = detectEdition(compactLabel(plain.text))
  let edition: EditionId | null = editionReading.edition
  const markerCount = Object.values(editionReading.found).reduce((n, f) => n + f.length, 0)

  // A provisional edition is needed to find the tables; the year decides only if the headers cannot.
  const provisional = edition ?? CURRENT_EDITION
  const regions = findRegions(plain.text, provisional)
  const tokens = tokenize(doc, plain, tableRanges(plain.text.length, regions, edition === null ? findRegions(plain.text, '2019') : null))
  const options = { fuzzy: module.options.fuzzyLabels, placement: module.options.blankPlacement, approximate: module.options.approximateColumns === true }
  let tables = readTables(tokens, regions, provisional, options)
  let sections = extractSections(plain.text, regions, tables.reviewEnd)
  const limit = sections.overviewAt ?? regions.proactive?.start ?? regions.requests?.start ?? plain.text.length
  const meta = extractMeta(plain.text, doc.declared, limit, sections.overview)

  const anyTable = tables.units.some((u) => u.origin !== 'missing')
  if (!anyTable && markerCount === 0 && !meta.title) {
    refuse(
      '不是政府信息公开工作年度报告：找不到报告标题，也找不到三张统计表',
      'not a government information disclosure annual report: no report title and none of the three tables found',
    )
  }
  if (meta.year === null) {
    refuse('找不到报告年度（标题或正文中的“××××年”）', 'cannot find the report year (in the title or the text)')
  }
  if (!meta.agency) {
    refuse('找不到机关名称（报告标题中应写明）', 'cannot find the agency name (the report title should state it)')
  }

  if (edition === null) {
    edition = editionForYear(meta.year!)
    ambiguities.push({
      path: 'edition',
      candidates: [...EDITION_IDS],
      chosen: edition,
      reason:
        markerCount === 0
          ? {
              zh: `表头中找不到格式版本的标志，按报告年度 ${meta.year} 推定`,
              en: `no edition-specific table header found; inferred from the report year ${meta.year}`,
            }
          : {
              zh: `表头同时含有两个版本的标志（${JSON.stringify(editionReading.found)}），按报告年度推定`,
              en: `the table headers carry markers of both editions (${JSON.stringify(editionReading.found)}); inferred from the year`,
            },
    })
    if (edition !== provisional) {
      const again = findRegions(plain.text, edition)
      tables = readTables(tokens, again, edition, options)
      sections = extractSections(plain.text, again, tables.reviewEnd)
    }
  }

  const figures = [...statedFigures([sections.overview, sections.problems, sections.other], edition), ...previousFigures(previous, edition, meta.year!)]
  const solution = solve(tables.units, edition, figures)
  ambiguities.push(...meta.ambiguities, ...collapseMissingTables(solution.ambiguities, edition))

  const report = buildReport(edition, solution.values, {
    year: meta.year!,
    agency: meta.agency!,
    title: meta.title,
    text: { overview: sections.overview, problems: sections.problems, other: sections.other },
  })
  const validation = validateReport(report)
  return {
    report,
    issues: validation.issues,
    ambiguities,
    sources: cellSources(doc, solution.values, solution.origins),
    source: {
      kind: doc.kind,
      ...(filename ? { filename } : {}),
      ...(doc.declared.publishedAt ? { publishedAt: doc.declared.publishedAt } : {}),
      ...(doc.declared.publisher ? { publisher: doc.declared.publisher } : {}),
    },
  }
}

/**
 * The evidence of every cell read from the source: the printed characters (the whole run for
 * run-together digits), the label printed before them, and where: PDF page and line on it, the
 * line of a text file, the row of a table.
 */
export function cellSources(doc: SourceDocument, values: ReadonlyMap<string, CellValue>, origins: ReadonlyMap<string, CellOrigin>): Record<string, CellSource> {
  const sources: Record<string, CellSource> = {}
  const labels = new Map<string, string>()
  for (const [path, value] of values) {
    if (value === null) continue
    const origin = origins.get(path)
    if (!origin) continue
    const where = doc.lines[origin.line]?.source
    const source: CellSource = { text: origin.text }
    // a flattened line runs the column headers into the first row's label: the label starts at the row's ordinal (一、 （三） 1.)
    if (origin.label) source.label = rowLabel(origin.label, labels)
    if (where?.page) source.page = where.page
    if (where?.line) source.line = where.line
    else if (!where?.row) source.line = origin.line + 1
    if (where?.row) source.row = where.row
    sources[path] = source
  }
  return sources
}

/** A row's label from its ordinal on (一、 （三）): the cells of a row share it, so it is cut once. */
function rowLabel(label: string, cut: Map<string, string>): string {
  let out = cut.get(label)
  if (out === undefined) {
    out = label.slice(Math.max(0, label.search(/[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）/)))
    cut.set(label, out)
  }
  return out
}

/** Where tables may be, for either edition when the edition is not yet known. */
function tableRanges(length: number, ...all: (ReturnType<typeof findRegions> | null)[]) {
  const ranges = all.flatMap((r) => (r ? Object.values(r) : []))
  return ranges.length ? ranges : [{ start: 0, end: length }]
}

/** A table none of whose rows was found is one ambiguity, not one per row. */
function collapseMissingTables(ambiguities: Ambiguity[], edition: EditionId): Ambiguity[] {
  const out: Ambiguity[] = []
  for (const key of TABLE_KEYS) {
    const own = ambiguities.filter((a) => a.path === key || a.path.startsWith(`${key}.`))
    const missing = own.filter((a) => a.candidates.length === 0 && a.chosen === null)
    const rows = new Set(missing.map((a) => a.path))
    // table 4's three rows are read as one unit
    const units = key === 'reviewLitigation' ? 1 : getTable(getEdition(edition), key).rows.length
    if (missing.length > 0 && rows.size >= units) {
      out.push({
        path: key,
        candidates: [],
        chosen: null,
        reason: {
          zh: '来源中找不到这张表的数字，各单元格留空（null）',
          en: 'no figures of this table were found in the source; its cells are left blank (null)',
        },
      })
      out.push(...own.filter((a) => !missing.includes(a)))
    } else out.push(...own)
  }
  out.push(...ambiguities.filter((a) => !TABLE_KEYS.some((k) => a.path === k || a.path.startsWith(`${k}.`))))
  return out
}

function buildReport(
  edition: EditionId,
  values: ReadonlyMap<string, CellValue>,
  fields: { year: number; agency: string; title: string | null; text: Report['text'] },
): Report {
  const report: Record<string, unknown> = {
    edition,
    year: fields.year,
    agency: fields.agency,
    title: fields.title,
    text: fields.text,
  }
  for (const cell of editionIndex(edition).cells) {
    let node = report
    for (const key of cell.keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>
    node[cell.keys[cell.keys.length - 1]!] = values.get(cell.path) ?? null
  }
  return report as unknown as Report
}
