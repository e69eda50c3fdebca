import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { localStore, outcomeLine, runImport } from 'xxgk/import'
import { sampleCorpusFiles } from './corpus.ts'

const ROOT = path.resolve(import.meta.dirname, '..', '..')

/** The sample corpus `npm start` seeds, relative to the repository: every source file with an expected reading. */
export const sampleFiles = () => sampleCorpusFiles(ROOT).map((file) => path.relative(ROOT, file))

/**
 * Fills an empty database so a fresh install has something to show: the whole sample corpus
 * (corpus/seed and corpus/real, the township report 王集乡人民政府 2023 among them) through the
 * importer, as drafts with their issues and ambiguities, agencies created. A file that fails is
 * logged and the rest go on; nothing here stops the server from starting. Returns a line per
 * stored report, or an empty list when the database already had reports.
 */
export async function seedDatabase(payload: Payload, files: readonly string[] = sampleFiles()): Promise<string[]> {
  try {
    if ((await payload.count({ collection: 'reports' as CollectionSlug })).totalDocs > 0) return []
    const summary = await runImport(
      files.map((file) => path.resolve(ROOT, file)),
      localStore(payload),
    )
    const lines: string[] = []
    for (const result of summary.results) {
      const line = outcomeLine({ ...result, file: path.relative(ROOT, result.file) })
      if (result.status === 'failed') console.error(`[xxgk] seeding: ${line}`)
      else lines.push(line)
    }
    return lines
  } catch (error) {
    console.error('[xxgk] seeding the sample corpus failed; the server starts without it:', error)
    return []
  }
}
