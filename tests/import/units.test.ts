/** The importer's small pieces: agency kind/level from the name, publication dates, the folder walk, store order. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { collectFiles, guessAgency, publicationDate } from '../../seed/import/index.ts'
import { storeOrder } from '../../seed/import/read.ts'
import type { ParsedFile } from '../../seed/import/read.ts'

describe('guessAgency: kind and level only where the name settles them', () => {
  it.each([
    ['王集乡人民政府', 'government', 'township'],
    ['某某镇人民政府', 'government', 'township'],
    ['沭阳县人民政府', 'government', 'county'],
    ['朝阳区人民政府', 'government', 'county'],
    ['额尔古纳旗人民政府', 'government', 'county'],
    ['延边朝鲜族自治州人民政府', 'government', 'city'],
    ['福建省人民政府', 'government', 'province'],
    ['广西壮族自治区人民政府', 'government', 'province'],
    ['上海市人民政府', 'government', 'province'],
    ['淮安市人民政府', 'government', null],
    ['上海市科学技术委员会', 'department', null],
    ['淮安市人民政府办公室', 'department', null],
    ['某市公安局', 'department', null],
    ['平潭综合实验区管理委员会', null, null],
    ['某村村民委员会', null, null],
    ['平潭综合实验区', null, null],
    ['上海市科委', null, null],
  ])('%s → %s, %s', (name, kind, level) => {
    const guess = guessAgency(name)
    expect([guess.kind, guess.level]).toEqual([kind, level])
    expect(guess.note.zh.length).toBeGreaterThan(0)
    expect(guess.note.en.length).toBeGreaterThan(0)
  })
})

describe('publicationDate', () => {
  it('reads a zoneless date as Beijing time', () => {
    expect(publicationDate('2025-03-10 15:35')).toBe('2025-03-10T07:35:00.000Z')
    expect(publicationDate('2020年1月20日')).toBe('2020-01-19T16:00:00.000Z')
    expect(publicationDate('2024-01-31T09:00:00Z')).toBe('2024-01-31T09:00:00.000Z')
  })
  it('gives nothing for what is not a date', () => {
    expect(publicationDate(undefined)).toBeUndefined()
    expect(publicationDate('栏目: 政府信息公开年报')).toBeUndefined()
  })
})

describe('collectFiles', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'xxgk-import-walk-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('walks folders for source kinds, skipping expected files, documentation, hidden and unknown files with the reason', () => {
    mkdirSync(path.join(dir, 'b', 'nested'), { recursive: true })
    mkdirSync(path.join(dir, '.git'))
    for (const name of ['a.pdf', 'b/report.html', 'b/nested/x.docx', 'b/x.expected.json', 'README.md', '.hidden.txt', 'notes.xyz', 'b/data.csv']) {
      writeFileSync(path.join(dir, name), 'x')
    }
    const named = path.join(dir, 'README.md')
    const { files, skipped, missing } = collectFiles([dir, named, path.join(dir, 'absent.pdf')])
    expect(files).toEqual([path.join(dir, 'a.pdf'), path.join(dir, 'b', 'nested', 'x.docx'), path.join(dir, 'b', 'report.html'), named])
    const reasons = Object.fromEntries(skipped.map((s) => [path.relative(dir, s.file), s.reason.en]))
    expect(reasons['b/x.expected.json']).toContain('expected-result')
    expect(reasons['README.md']).toContain('documentation')
    expect(reasons['.hidden.txt']).toContain('hidden')
    expect(reasons['.git']).toContain('hidden')
    expect(reasons['notes.xyz']).toContain('not a source kind')
    expect(reasons['b/data.csv']).toContain('not a source kind')
    expect(missing.map((m) => [path.basename(m.file), m.reason.en])).toEqual([['absent.pdf', 'no such file or folder']])
  })
})

describe('storeOrder', () => {
  it('stores older report years first, keeping the given order within a year and failures in place', () => {
    const item = (file: string, year?: number): ParsedFile =>
      year === undefined
        ? { file, failure: { file, status: 'failed', httpStatus: 400, reason: { zh: '', en: '' } } }
        : ({ file, bytes: async () => new Uint8Array(), parsed: { report: { year } } } as unknown as ParsedFile)
    const order = storeOrder([item('2025', 2025), item('bad'), item('2019', 2019), item('2024a', 2024), item('2024b', 2024)])
    expect(order.map((i) => i.file)).toEqual(['bad', '2019', '2024a', '2024b', '2025'])
  })
})
