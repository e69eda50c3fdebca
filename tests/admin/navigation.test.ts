import { describe, expect, it } from 'vitest'
import { EDITION_IDS, editionIndex } from '../../src/index.ts'
import type { TableKey } from '../../src/index.ts'
import { gridModel } from '../../plugin/admin/grid/model.ts'
import { keyMove, moveFrom } from '../../plugin/admin/grid/navigation.ts'

const TABLES: TableKey[] = ['proactive', 'requests', 'reviewLitigation']

describe('grid model', () => {
  it.each(EDITION_IDS.flatMap((e) => TABLES.map((t) => [e, t] as const)))('%s %s: every cell of the table once, in form order', (edition, table) => {
    const model = gridModel(edition, table)
    const expected = editionIndex(edition)
      .cells.filter((c) => c.table === table)
      .map((c) => c.path)
    expect(model.values.map((v) => v.path).sort()).toEqual([...expected].sort())
    expect(new Set(model.values.map((v) => v.path)).size).toBe(model.values.length)
  })

  it('table 3 has the applicant columns under 法人或其他组织 and the group labels as merged cells', () => {
    const model = gridModel('2021', 'requests')
    const labels = model.placed.filter((p) => p.cell.kind === 'label').map((p) => p.cell)
    const org = labels.find((c) => c.kind === 'label' && c.label.zh === '法人或其他组织')!
    expect(org.colSpan).toBe(5)
    const withheld = labels.find((c) => c.kind === 'label' && c.label.zh === '（三）不予公开')!
    expect(withheld.rowSpan).toBe(8)
    const results = labels.find((c) => c.kind === 'label' && c.label.zh === '三、本年度办理结果')!
    // 予以公开 … 其他处理 3 rows (2021) … 总计: 2 + 8 + 3 + 5 + 3 + 1
    expect(results.rowSpan).toBe(22)
  })

  it('table 4 heads 行政复议 and 行政诉讼 > 未经复议直接起诉 / 复议后起诉', () => {
    const model = gridModel('2021', 'reviewLitigation')
    const top = model.rows[0]!.map((p) => (p.cell.kind === 'label' ? [p.cell.label.zh, p.cell.colSpan] : null))
    expect(top).toEqual([
      ['行政复议', 5],
      ['行政诉讼', 10],
    ])
    const middle = model.rows[1]!.filter((p) => p.cell.kind === 'label' && p.cell.colSpan === 5).map((p) => p.cell.kind === 'label' && p.cell.label.zh)
    expect(middle).toEqual(['未经复议直接起诉', '复议后起诉'])
  })

  it('edition-specific rows only in their edition', () => {
    const paths2021 = gridModel('2021', 'requests').values.map((v) => v.path)
    const paths2019 = gridModel('2019', 'requests').values.map((v) => v.path)
    expect(paths2021).toContain('requests.otherHandling.unpaidFee.natural')
    expect(paths2019).not.toContain('requests.otherHandling.unpaidFee.natural')
    expect(paths2019).toContain('requests.otherHandling.natural')
    expect(gridModel('2019', 'proactive').values.map((v) => v.path)).toContain('proactive.procurement.amount')
    expect(gridModel('2021', 'proactive').values.map((v) => v.path)).not.toContain('proactive.procurement.amount')
  })
})

describe('keyboard navigation', () => {
  const t3 = gridModel('2021', 'requests')
  const t2 = gridModel('2021', 'proactive')
  const t4 = gridModel('2021', 'reviewLitigation')

  it('maps keys to moves; in edit mode left/right/Home/End belong to the input', () => {
    expect(keyMove({ key: 'Tab' }, 'ready')).toBe('next')
    expect(keyMove({ key: 'Tab', shiftKey: true }, 'ready')).toBe('previous')
    expect(keyMove({ key: 'Enter' }, 'edit')).toBe('down')
    expect(keyMove({ key: 'Enter', shiftKey: true }, 'ready')).toBe('up')
    expect(keyMove({ key: 'ArrowLeft' }, 'ready')).toBe('left')
    expect(keyMove({ key: 'ArrowLeft' }, 'edit')).toBeNull()
    expect(keyMove({ key: 'ArrowRight' }, 'edit')).toBeNull()
    expect(keyMove({ key: 'ArrowUp' }, 'edit')).toBe('up')
    expect(keyMove({ key: 'Home' }, 'edit')).toBeNull()
    expect(keyMove({ key: 'Home', ctrlKey: true }, 'edit')).toBe('first')
    expect(keyMove({ key: 'End' }, 'ready')).toBe('rowEnd')
    expect(keyMove({ key: '5' }, 'ready')).toBeNull()
    expect(keyMove({ key: 'ArrowDown', altKey: true }, 'ready')).toBeNull()
  })

  it('table 3: arrows within and across rows, no wrap at the edges', () => {
    expect(moveFrom(t3, 'requests.received.natural', 'right')).toBe('requests.received.commercial')
    expect(moveFrom(t3, 'requests.received.total', 'right')).toBeNull()
    expect(moveFrom(t3, 'requests.received.natural', 'left')).toBeNull()
    expect(moveFrom(t3, 'requests.received.total', 'down')).toBe('requests.carriedOver.total')
    expect(moveFrom(t3, 'requests.granted.legal', 'up')).toBe('requests.carriedOver.legal')
    expect(moveFrom(t3, 'requests.received.natural', 'up')).toBeNull()
    expect(moveFrom(t3, 'requests.carriedForward.otherOrg', 'down')).toBeNull()
    expect(moveFrom(t3, 'requests.withheld.adminQuery.research', 'down')).toBe('requests.unavailable.notHeld.research')
    expect(moveFrom(t3, 'requests.totalHandled.natural', 'rowEnd')).toBe('requests.totalHandled.total')
    expect(moveFrom(t3, 'requests.totalHandled.total', 'rowStart')).toBe('requests.totalHandled.natural')
    expect(moveFrom(t3, 'requests.granted.nonprofit', 'first')).toBe('requests.received.natural')
    expect(moveFrom(t3, 'requests.granted.nonprofit', 'last')).toBe('requests.carriedForward.total')
  })

  it('Tab runs through every cell in reading order and Shift-Tab back; it leaves the grid at either end', () => {
    const forward: string[] = []
    for (let p: string | null = t3.values[0]!.path; p; p = moveFrom(t3, p, 'next')) forward.push(p)
    expect(forward).toEqual(t3.values.map((v) => v.path))
    expect(forward[7]).toBe('requests.carriedOver.natural') // after received.total comes the next row
    const backward: string[] = []
    for (let p: string | null = forward[forward.length - 1]!; p; p = moveFrom(t3, p, 'previous')) backward.push(p)
    expect(backward).toEqual([...forward].reverse())
  })

  it('every down move is undone by up on table 3 (rectangular rows)', () => {
    for (const v of t3.values) {
      const below = moveFrom(t3, v.path, 'down')
      if (below) expect(moveFrom(t3, below, 'up')).toBe(v.path)
    }
  })

  it('table 2: down from a three-column row lands in the one-cell row spanning it, and back up to its first column', () => {
    expect(moveFrom(t2, 'proactive.regulations.inForce', 'down')).toBe('proactive.normativeDocuments.inForce')
    expect(moveFrom(t2, 'proactive.normativeDocuments.inForce', 'down')).toBe('proactive.licensing.decisions')
    expect(moveFrom(t2, 'proactive.licensing.decisions', 'up')).toBe('proactive.normativeDocuments.issued')
    expect(moveFrom(t2, 'proactive.licensing.decisions', 'right')).toBeNull()
    expect(moveFrom(t2, 'proactive.coercion.decisions', 'down')).toBe('proactive.fees.amount')
  })

  it('table 4: one row of fifteen cells across 行政复议 and both kinds of lawsuit', () => {
    expect(t4.valueRows).toHaveLength(1)
    expect(moveFrom(t4, 'reviewLitigation.review.total', 'right')).toBe('reviewLitigation.litigationDirect.upheld')
    expect(moveFrom(t4, 'reviewLitigation.litigationDirect.total', 'next')).toBe('reviewLitigation.litigationAfterReview.upheld')
    expect(moveFrom(t4, 'reviewLitigation.review.upheld', 'down')).toBeNull()
  })
})
