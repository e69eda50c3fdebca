import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Label } from '@xxgk/schema'
import type { SkippedFile } from './types.ts'

/** File name endings of the source kinds the parser reads (seed/kinds). */
export const SOURCE_EXTENSIONS = ['.pdf', '.docx', '.xlsx', '.html', '.htm', '.shtml', '.xhtml', '.md', '.markdown', '.txt', '.text'] as const

const EXPECTED: Label = { zh: '预期结果文件（*.expected.json），不是报告来源', en: 'an expected-result file (*.expected.json), not a report source' }
const UNKNOWN: Label = {
  zh: '不是可读取的来源类型（PDF、Word、Excel、网页、Markdown、文本）',
  en: 'not a source kind the parser reads (PDF, Word, Excel, web page, Markdown, text)',
}
const DOCUMENTATION: Label = {
  zh: '说明文件（README、SOURCES 等），不是报告；要导入请直接指定该文件',
  en: 'a documentation file (README, SOURCES …), not a report; name the file itself to import it',
}
const HIDDEN: Label = { zh: '隐藏文件', en: 'a hidden file' }

/** Folders often hold notes beside the reports; a folder walk leaves them out (a named file is always read). */
const DOCUMENTATION_NAMES = /^(readme|sources|license|licence|changelog|notes|contributing)$/i

export const isSourceFile = (name: string) => SOURCE_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))

function skipReason(name: string): Label | null {
  if (name.startsWith('.')) return HIDDEN
  if (name.toLowerCase().endsWith('.expected.json')) return EXPECTED
  if (!isSourceFile(name)) return UNKNOWN
  if (DOCUMENTATION_NAMES.test(name.replace(/\..*$/, ''))) return DOCUMENTATION
  return null
}

export interface CollectedFiles {
  /** Files to import, in the order given; a folder's files sorted by path. */
  files: string[]
  skipped: SkippedFile[]
  /** Arguments that do not exist or cannot be read. */
  missing: SkippedFile[]
}

function walk(dir: string, out: CollectedFiles): void {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name)
    const isDirectory = directoryOrMissing(full, out)
    if (isDirectory === null) continue
    if (isDirectory) {
      if (name.startsWith('.') || name === 'node_modules') out.skipped.push({ file: full, reason: HIDDEN })
      else walk(full, out)
      continue
    }
    const reason = skipReason(name)
    if (reason) out.skipped.push({ file: full, reason })
    else out.files.push(full)
  }
}

/** Whether the path is a folder; null (and listed as missing, with the reason) when it cannot be read. */
function directoryOrMissing(file: string, out: CollectedFiles): boolean | null {
  try {
    return statSync(file).isDirectory()
  } catch (error) {
    out.missing.push({ file, reason: unreadable(error) })
    return null
  }
}

function unreadable(error: unknown): Label {
  const code = (error as NodeJS.ErrnoException).code ?? String(error)
  return code === 'ENOENT' ? { zh: '文件或文件夹不存在', en: 'no such file or folder' } : { zh: `无法读取（${code}）`, en: `cannot be read (${code})` }
}

/**
 * The files to import from command-line arguments: a file is taken as given (whatever its
 * name); a folder is walked for the source kinds the parser knows, leaving out expected-result
 * files, documentation and unknown files (each listed in `skipped` with the reason).
 */
export function collectFiles(paths: readonly string[]): CollectedFiles {
  const out: CollectedFiles = { files: [], skipped: [], missing: [] }
  for (const given of paths) {
    const isDirectory = directoryOrMissing(given, out)
    if (isDirectory === null) continue
    if (isDirectory) walk(given, out)
    else out.files.push(given)
  }
  out.files = [...new Set(out.files)]
  return out
}
