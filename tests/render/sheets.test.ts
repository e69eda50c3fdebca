/** The list workbooks of issue 10 (src/render/sheets.ts) and the comparison (src/compare.ts), read back. */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { compareCells, editionIndex } from '../../src/index.ts'
import type { Report } from '../../src/index.ts'
import { comparisonWorkbook, listWorkbook } from '../../src/render/index.ts'
import { loadExpected } from '../integration/fixtures.ts'

const SEED = loadExpected('corpus/seed/wangji-township-2023.expected.json').report as unknown as Report

async function read(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as never)
  return workbook
}

describe('list workbooks', () => {
  it('one header row, the rows as given, marked rows filled, names made valid', async () => {
    const wb = await read(
      await listWorkbook([
        {
          name: 'a:b',
          columns: [
            { header: '机关', width: 10 },
            { header: 'n', width: 5 },
          ],
          rows: [
            ['甲', 1],
            ['乙', null],
          ],
          marked: new Set([1]),
        },
      ]),
    )
    const ws = wb.worksheets[0]!
    expect(ws.name).toBe('a_b')
    expect(ws.getRow(1).getCell(1).value).toBe('机关')
    expect(ws.getRow(2).getCell(2).value).toBe(1)
    expect(ws.getRow(3).getCell(1).value).toBe('乙')
    expect(ws.getRow(3).getCell(2).value).toBeNull()
    expect((ws.getRow(3).getCell(1).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFF2CC')
    expect((ws.getRow(2).getCell(1).fill as { pattern?: string } | undefined)?.pattern ?? 'none').not.toBe('solid')
  })

  it('compares every cell of the edition; blank previous counts as 0 beside a figure; the workbook has a sheet per table', async () => {
    const current = structuredClone(SEED) as Report & { requests: any }
    current.requests.received.natural = 4
    const cells = compareCells(current, SEED)
    expect(cells.map((c) => c.path)).toEqual(editionIndex('2021').cells.map((c) => c.path))
    expect(cells.find((c) => c.path === 'requests.received.natural')).toMatchObject({ current: 4, previous: 0, change: 4 })
    expect(compareCells(current, null).find((c) => c.path === 'requests.received.natural')).toMatchObject({ previous: null, change: 4 })
    const wb = await read(await comparisonWorkbook({ edition: '2021', year: 2024, previousYear: 2023, cells, findings: { 'requests.received.natural': 'X' } }))
    expect(wb.worksheets).toHaveLength(3)
    const sheet = wb.worksheets.find((w) => w.name.includes('收到和处理'))!
    const row = sheet.getRows(2, sheet.rowCount)!.find((r) => r.getCell(2).value === 'requests.received.natural')!
    expect([row.getCell(3).value, row.getCell(4).value, row.getCell(5).value, row.getCell(6).value]).toEqual([4, 0, 4, 'X'])
  })
})
