import { describe, expect, it } from 'vitest'
import { validateReport } from '../../src/index.ts'
import { ambiguitiesByCell, candidateCells, chooseCandidate, confirmAmbiguity, describeCandidate, sourceText } from '../../plugin/admin/grid/ambiguities.ts'
import { formReport, liveCheck } from '../../plugin/admin/grid/live.ts'
import type { LiveInput } from '../../plugin/admin/grid/live.ts'
import { cellView, relatedCells } from '../../plugin/admin/grid/view.ts'
import { plainTextToLexical } from '../../plugin/richtext.ts'
import { expectedFile, expectedFiles } from '../helpers/corpus.ts'
import { flatCells } from './helpers.ts'

/** The form state of a stored report: flat cell values, agency as its id, like Payload's form. */
function formOf(report: Record<string, any>, changes: Record<string, unknown> = {}, extra: Partial<LiveInput> = {}): LiveInput {
  const values = flatCells(report)
  for (const [path, value] of Object.entries(changes)) values.set(path, value)
  return { edition: report.edition, value: (p) => values.get(p), year: report.year, agency: 'agency-1', title: report.title, ...extra }
}

const huaian = expectedFile('huaian-city-gov-2024').report

describe('live check of the form', () => {
  it.each(expectedFiles().map((f) => [f.stem, f] as const))(
    '%s: the form reads every cell, so the rules find the source errors (but those of a blank total, which saving fills)',
    (_stem, file) => {
      const check = liveCheck(formOf(file.report))!
      const errors = check.result.issues.filter((i) => i.severity === 'error').map((i) => ({ rule: i.rule, path: i.path }))
      const expected = file.sourceErrors.filter((e) => !check.totals.has(e.path))
      expect(errors).toEqual(expect.arrayContaining(expected))
      expect(errors).toHaveLength(expected.length)
    },
  )

  it('shanghai leaves 四、结转下年度继续办理 / 总计 blank: the form shows it computed (1), as saving will fill it', () => {
    const check = liveCheck(formOf(expectedFile('shanghai-stcsm-dept-2024').report))!
    expect([...check.totals]).toEqual([['requests.carriedForward.total', 1]])
    expect(check.result.errors).toBe(0)
  })

  it('builds the interchange JSON of the form: blank cells null, narrative read from Lexical rich text', () => {
    const text = '本年度共受理政府信息公开申请3120件。'
    const report = formReport('2021', formOf(huaian, { 'requests.granted.legal': undefined }, { text: { overview: plainTextToLexical(text) } }))
    expect((report as any).requests.granted.legal).toBeNull()
    expect((report as any).text).toEqual({ overview: text, problems: null, other: null })
    // the table says 3119: the narrative figure is checked through the rich text too
    const check = liveCheck(formOf(huaian, {}, { text: { overview: plainTextToLexical(text) } }))!
    const mismatch = check.result.issues.find((i) => i.rule === 'TEXT.MATCH')!
    expect(mismatch.path).toBe('requests.received.total')
    expect(check.marks.get('requests.received.total')![0]!.message.zh).toBe('表格值 3119，正文所述本年新收申请 3120（“受理政府信息公开申请3120件”）')
  })

  it('after one keystroke breaks table 3, the total cells the rules name are marked with the Chinese message', () => {
    const granted = huaian.requests.granted.natural as number
    const check = liveCheck(formOf(huaian, { 'requests.granted.natural': granted + 1 }))!
    expect(check.result.errors).toBe(2)
    const handled = check.marks.get('requests.totalHandled.natural')!
    expect(handled.map((m) => m.rule)).toEqual(['T3.HANDLED_SUM'])
    const reported = huaian.requests.totalHandled.natural as number
    expect(handled[0]!.message.zh).toMatch(new RegExp(`^报告值 ${reported}，计算值 ${reported + 1}（自然人列`))
    expect(check.marks.get('requests.granted.total')!.map((m) => m.rule)).toEqual(['T3.ROW_TOTAL'])
    const view = cellView('requests.totalHandled.natural', { value: reported, check, lang: 'zh' })
    expect(view.mark).toBe('error')
    expect(view.messages[0]).toContain('计算值')
    expect(cellView('requests.totalHandled.natural', { value: reported, check, lang: 'en' }).messages[0]).toMatch(/^reported /)
    // focusing the marked total highlights the cells its rule added up
    expect(relatedCells('requests.totalHandled.natural', check)).toContain('requests.granted.natural')
    // and fixing it clears every mark
    expect(liveCheck(formOf(huaian))!.marks.size).toBe(0)
  })

  it('a blank total shows its computed value and is not marked; a blank count is marked as read as 0', () => {
    const row = huaian.requests.received
    const check = liveCheck(formOf(huaian, { 'requests.received.total': null, 'requests.received.research': null }))!
    const sum = row.natural + row.commercial + row.nonprofit + row.legal + row.otherOrg
    expect(check.totals.get('requests.received.total')).toBe(sum)
    const total = cellView('requests.received.total', { value: null, check, lang: 'zh' })
    expect(total).toMatchObject({ text: '', computed: String(sum), mark: null })
    expect(cellView('requests.received.research', { value: null, check, lang: 'zh' }).mark).toBe('blank')
    // the same as saving would find: blank totals filled, then the rules
    expect(check.result.errors).toBe(0)
  })

  it('text typed that is not a value marks its cell as an error and stays visible', () => {
    const view = cellView('requests.received.natural', {
      value: 5,
      check: liveCheck(formOf(huaian))!,
      invalid: { text: '5x', message: '“5x”不是有效的值：应为非负整数或空白' },
      lang: 'zh',
    })
    expect(view).toMatchObject({ text: '5x', mark: 'error', messages: ['“5x”不是有效的值：应为非负整数或空白'] })
  })

  it('cross-report warnings against last year’s report of the same agency (X.CARRY), none against another agency’s', () => {
    const last = expectedFile('pingtan-zone-gov-2024').report
    const current = expectedFile('pingtan-zone-gov-2025').report
    const previous = formReport('2021', formOf(last)) as any
    const clean = liveCheck(formOf(current, {}, { previous }))!
    expect(clean.result.issues.filter((i) => i.rule === 'X.CARRY' || i.rule === 'X.PREVIOUS')).toEqual([])
    const check = liveCheck(formOf(current, { 'requests.carriedOver.natural': 3, 'requests.carriedOver.total': 3 }, { previous }))!
    const carry = check.marks.get('requests.carriedOver.natural')!
    expect(carry.map((m) => [m.rule, m.severity])).toEqual([['X.CARRY', 'warning']])
    expect(carry[0]!.message.zh).toContain('上年报告“结转下年度继续办理”为 0')
    const other = liveCheck(formOf(current, {}, { previous: { ...previous, agency: 'agency-2' } }))!
    expect(other.result.issues.map((i) => i.rule)).toContain('X.PREVIOUS')
  })

  it('matches the rules engine on the same report (blank totals filled first, as the save hook does)', () => {
    const form = formOf(huaian, { 'requests.withheld.thirdParty.total': null, 'reviewLitigation.review.upheld': 70 })
    const check = liveCheck(form)!
    const direct = validateReport(check.report)
    expect(check.result.issues).toEqual(direct.issues)
    expect(check.result.issues.map((i) => i.rule)).toEqual(['T4.TOTAL'])
  })
})

describe('import ambiguities on cells', () => {
  const ambiguities = [
    {
      path: 'proactive.normativeDocuments',
      candidates: [
        { issued: 1, repealed: 0, inForce: 10 },
        { issued: 10, repealed: 1, inForce: 0 },
      ],
      chosen: { issued: 1, repealed: 0, inForce: 10 },
      reason: { zh: '网页文字连在一起，可以拆成两种读法', en: 'run-together digits split two ways' },
    },
    { path: 'requests.received.total', candidates: [81, 18], chosen: 81, reason: { zh: '行总计', en: 'row total' } },
    { path: 'agency', candidates: ['甲', '乙'], chosen: '甲', reason: 'x' },
    { path: 'requests.carriedOver.total', candidates: [1, 2], chosen: 1, confirmed: true },
  ]

  it('puts a row’s ambiguity on each of its cells and a cell’s on that cell; confirmed ones and fields go', () => {
    const byCell = ambiguitiesByCell(ambiguities, '2021')
    expect([...byCell.keys()]).toEqual([
      'proactive.normativeDocuments.issued',
      'proactive.normativeDocuments.repealed',
      'proactive.normativeDocuments.inForce',
      'requests.received.total',
    ])
    expect(byCell.get('requests.received.total')![0]!.index).toBe(1)
    expect(ambiguitiesByCell('not a list', '2021').size).toBe(0)
  })

  it('describes candidates with the edition’s labels and turns a chosen one into cell writes', () => {
    expect(describeCandidate(ambiguities[0]!.candidates[1], 'proactive.normativeDocuments', '2021', 'zh')).toBe(
      '本年制发件数 10 · 本年废止件数 1 · 现行有效件数 0',
    )
    expect(describeCandidate(18, 'requests.received.total', '2021', 'en')).toBe('18')
    expect(candidateCells(ambiguities[0]!.candidates[1], 'proactive.normativeDocuments', '2021')).toEqual([
      { path: 'proactive.normativeDocuments.issued', value: 10 },
      { path: 'proactive.normativeDocuments.repealed', value: 1 },
      { path: 'proactive.normativeDocuments.inForce', value: 0 },
    ])
    expect(candidateCells({ natural: 1, bogus: 2 }, 'requests.received', '2021')).toEqual([{ path: 'requests.received.natural', value: 1 }])
  })

  it('confirming keeps the record and hides it from the cells; choosing records the reading', () => {
    const confirmed = confirmAmbiguity(ambiguities, 1)
    expect(confirmed).toHaveLength(4)
    expect(confirmed[1]).toMatchObject({ path: 'requests.received.total', confirmed: true, chosen: 81 })
    expect(ambiguitiesByCell(confirmed, '2021').has('requests.received.total')).toBe(false)
    const chosen = chooseCandidate(ambiguities, 0, ambiguities[0]!.candidates[1])
    expect(chosen[0]).toMatchObject({ chosen: { issued: 10, repealed: 1, inForce: 0 }, confirmed: true })
    expect(ambiguities[0]!.chosen).toEqual({ issued: 1, repealed: 0, inForce: 10 })
  })
})

describe('the importer’s evidence in the grid (sourceText)', () => {
  it('says where a cell was read: page, line, the label and the printed text', () => {
    const source = { text: '95', label: '一、本年新收政府信息公开申请数量', page: 3, line: 18 }
    expect(sourceText(source, 'zh')).toBe('来源：第 3 页 第 18 行 "一、本年新收政府信息公开申请数量 95"')
    expect(sourceText(source, 'en')).toBe('Source: page 3, line 18 "一、本年新收政府信息公开申请数量 95"')
    expect(sourceText({ text: '713', row: 2, line: 99 }, 'zh')).toBe('来源：第 99 行 表格第 2 行 "713"')
    expect(sourceText(undefined, 'zh')).toBe('')
    expect(sourceText({ page: 1 }, 'en')).toBe('')
  })
})
