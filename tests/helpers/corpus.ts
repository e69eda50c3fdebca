import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const CORPUS_DIR = join(import.meta.dirname, '../../corpus')

export interface ExpectedFile {
  /** File name relative to corpus/, e.g. `real/huaian-city-gov-2024.expected.json`. */
  name: string
  stem: string
  report: Record<string, any>
  textStartsWith: { overview: string; problems: string; other: string }
  notes: string[]
  sourceErrors: { rule: string; path: string }[]
}

/** Every `*.expected.json` of the corpus, parsed afresh (callers may mutate what they get). */
export function expectedFiles(): ExpectedFile[] {
  const files: ExpectedFile[] = []
  for (const dir of ['seed', 'real']) {
    for (const file of readdirSync(join(CORPUS_DIR, dir)).sort()) {
      if (!file.endsWith('.expected.json')) continue
      const data = JSON.parse(readFileSync(join(CORPUS_DIR, dir, file), 'utf8'))
      files.push({ name: `${dir}/${file}`, stem: file.replace(/\.expected\.json$/, ''), ...data })
    }
  }
  return files
}

export function expectedFile(stem: string): ExpectedFile {
  const found = expectedFiles().find((f) => f.stem === stem)
  if (!found) throw new Error(`no expected file ${stem}`)
  return found
}

export function corpusText(relative: string): string {
  return readFileSync(join(CORPUS_DIR, relative), 'utf8')
}
