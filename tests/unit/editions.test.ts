import { describe, expect, it } from 'vitest'
import { editionForYear, editionIndex, editionOr, EDITIONS, getTable } from '../../src/index.ts'

// The keys as SPEC.md lists them: an independent copy, so a typo in the edition data fails here.
const APPLICANTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total']
const REQUEST_ROWS = [
  'received',
  'carriedOver',
  'granted',
  'partiallyGranted',
  'withheld.stateSecret',
  'withheld.lawProhibited',
  'withheld.securityStability',
  'withheld.thirdParty',
  'withheld.internalAffairs',
  'withheld.processInfo',
  'withheld.enforcementFiles',
  'withheld.adminQuery',
  'unavailable.notHeld',
  'unavailable.needsCreation',
  'unavailable.unclear',
  'notProcessed.complaint',
  'notProcessed.repeated',
  'notProcessed.publication',
  'notProcessed.excessive',
  'notProcessed.confirmation',
]
const PROACTIVE: Record<string, Record<string, string[]>> = {
  '2021': {
    regulations: ['issued', 'repealed', 'inForce'],
    normativeDocuments: ['issued', 'repealed', 'inForce'],
    licensing: ['decisions'],
    punishment: ['decisions'],
    coercion: ['decisions'],
    fees: ['amount'],
  },
  '2019': {
    regulations: ['made', 'published', 'total'],
    normativeDocuments: ['made', 'published', 'total'],
    licensing: ['lastYear', 'change', 'decisions'],
    otherServices: ['lastYear', 'change', 'decisions'],
    punishment: ['lastYear', 'change', 'decisions'],
    coercion: ['lastYear', 'change', 'decisions'],
    fees: ['lastYear', 'change'],
    procurement: ['projects', 'amount'],
  },
}
const OTHER_HANDLING: Record<string, string[]> = {
  '2021': ['otherHandling.noCorrection', 'otherHandling.unpaidFee', 'otherHandling.other'],
  '2019': ['otherHandling'],
}
const REVIEW_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview']
const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total']

describe.each(['2021', '2019'] as const)('edition %s', (id) => {
  const edition = EDITIONS[id]

  it('has table 2 rows and cells as SPEC.md lists them', () => {
    const table = getTable(edition, 'proactive')
    const actual = Object.fromEntries(table.rows.map((r) => [r.key, (r.columns ?? []).map((c) => c.key)]))
    expect(actual).toEqual(PROACTIVE[id])
  })

  it('has table 3 rows in form order with the seven applicant columns', () => {
    const table = getTable(edition, 'requests')
    expect(table.rows.map((r) => r.key)).toEqual([...REQUEST_ROWS, ...OTHER_HANDLING[id]!, 'totalHandled', 'carriedForward'])
    expect(table.columns.map((c) => c.key)).toEqual(APPLICANTS)
    expect(table.columns.filter((c) => c.header?.zh === '法人或其他组织').map((c) => c.key)).toEqual([
      'commercial',
      'research',
      'nonprofit',
      'legal',
      'otherOrg',
    ])
  })

  it('has table 4 groups and columns', () => {
    const table = getTable(edition, 'reviewLitigation')
    expect(table.rows.map((r) => r.key)).toEqual(REVIEW_GROUPS)
    expect(table.columns.map((c) => c.key)).toEqual(REVIEW_COLUMNS)
  })

  it('labels every table, group, row and column in Chinese and English', () => {
    for (const table of edition.tables) {
      const labelled = [table, ...table.groups, ...table.rows, ...table.columns, ...table.rows.flatMap((r) => r.columns ?? [])]
      for (const item of labelled) {
        expect(item.label.zh, JSON.stringify(item)).toMatch(/\p{Script=Han}/u)
        expect(item.label.en, JSON.stringify(item)).toMatch(/^[\x20-\x7e\u2013\u2019\u201c\u201d]+$/)
      }
      for (const row of table.rows) if (row.group) expect(table.groups.map((g) => g.key)).toContain(row.group)
    }
  })

  it('counts cells: every table 3 and 4 cell is an integer count', () => {
    const { cells } = editionIndex(id)
    const t3 = cells.filter((c) => c.table === 'requests')
    expect(t3).toHaveLength((REQUEST_ROWS.length + OTHER_HANDLING[id]!.length + 2) * 7)
    expect(new Set(cells.filter((c) => c.table !== 'proactive').map((c) => c.kind))).toEqual(new Set(['count']))
  })
})

it('marks only 2019 本年增/减 as signed and only fee/procurement amounts as decimals', () => {
  const kinds = (id: '2021' | '2019', kind: string) =>
    editionIndex(id)
      .cells.filter((c) => c.kind === kind)
      .map((c) => c.path)
  expect(kinds('2021', 'signedCount')).toEqual([])
  expect(kinds('2019', 'signedCount')).toEqual([
    'proactive.licensing.change',
    'proactive.otherServices.change',
    'proactive.punishment.change',
    'proactive.coercion.change',
    'proactive.fees.change',
  ])
  expect(kinds('2021', 'amount')).toEqual(['proactive.fees.amount'])
  expect(kinds('2019', 'amount')).toEqual(['proactive.procurement.amount'])
})

// 国办公开办函〔2019〕60号 for the 2019 and 2020 reports, 〔2021〕30号 from the 2021 report on (SPEC.md).
it('names the edition prescribed for a report year, and falls back to the current one', () => {
  expect([2018, 2019, 2020, 2021, 2022, 2030].map(editionForYear)).toEqual(['2019', '2019', '2019', '2021', '2021', '2021'])
  expect(editionOr('2019')).toBe('2019')
  expect(editionOr('2020')).toBe('2021')
  expect(editionOr(undefined, '2019')).toBe('2019')
})
