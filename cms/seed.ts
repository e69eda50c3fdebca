import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'

type CreateArgs = Parameters<Payload['create']>[0]

const ROOT = path.resolve(import.meta.dirname, '..')

/** The sample report shipped with the repository and the facts about its agency the file does not hold. */
export const SAMPLE = {
  file: 'corpus/seed/wangji-township-2023.expected.json',
  agency: { name: '王集乡人民政府', kind: 'government', level: 'township' },
} as const

/**
 * Fills an empty database so a fresh install has something to show: today the one sample
 * report (published) with its agency. Meant to be replaced by the corpus importer.
 * Returns what it stored, or an empty list when the database already had reports.
 */
export async function seedDatabase(payload: Payload): Promise<string[]> {
  const reports = 'reports' as CollectionSlug
  const agencies = 'agencies' as CollectionSlug
  if ((await payload.count({ collection: reports })).totalDocs > 0) return []
  const { report } = JSON.parse(readFileSync(path.join(ROOT, SAMPLE.file), 'utf8')) as { report: Record<string, unknown> }
  const found = await payload.find({ collection: agencies, where: { name: { equals: SAMPLE.agency.name } }, limit: 1 })
  const agency = found.docs[0] ?? (await payload.create({ collection: agencies, data: { ...SAMPLE.agency } } as CreateArgs))
  // the document is the interchange JSON, checked by the plugin's hooks rather than by generated types
  const doc = await payload.create({ collection: reports, data: { ...report, agency: agency.id, _status: 'published' } } as CreateArgs)
  return [`${SAMPLE.file} → reports/${String(doc.id)}`]
}
