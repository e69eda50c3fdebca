import { describe, expect, it } from 'vitest'
import { editionIndex } from '../../src/index.ts'
import { renderReportHtml } from '../../src/render/html.ts'
import { gridModel } from '../../plugin/admin/grid/model.ts'
import { dropLeadingLabels, parseClipboard, parseHtmlTable, parseTsv, pastePlan } from '../../plugin/admin/grid/paste.ts'
import { expectedFile } from '../helpers/corpus.ts'
import { cellValue } from './helpers.ts'

const huaian = expectedFile('huaian-city-gov-2024').report
const pingtan2019 = expectedFile('pingtan-zone-gov-2019.format2019').report

/** A table's rows as Excel puts them on the clipboard: tab-separated, CRLF after every row. */
function excelTsv(rows: (string | number | null)[][]): string {
  return rows.map((r) => r.map((v) => (v === null ? '' : String(v))).join('\t')).join('\r\n') + '\r\n'
}

const APPLICANTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total']

describe('clipboard parsing', () => {
  it('reads Excel TSV: tabs, CRLF, trailing newline, quoted cells with tabs, newlines and quotes', () => {
    expect(parseTsv('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ])
    expect(parseTsv('"a\tb"\t"say ""hi"""\t"two\r\nlines"\n7')).toEqual([['a\tb', 'say "hi"', 'two\r\nlines'], ['7']])
    expect(parseTsv('\t\t5')).toEqual([['', '', '5']])
  })

  it('reads a Word table from its clipboard HTML (mso markup, nested paragraphs, entities, merged cells)', () => {
    // What Word puts on the clipboard for two rows of table 3: one <td> per cell, each a MsoNormal paragraph
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=ZH-CN>
<!--StartFragment-->
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0'>
  <td width=187 colspan=2 valign=top style='width:140.0pt'><p class=MsoNormal><span style='font-family:宋体'>一、本年新收政府信息公开申请数量<o:p></o:p></span></p></td>
  <td width=45 valign=top><p class=MsoNormal align=center style='text-align:center'><span lang=EN-US>1,203<o:p></o:p></span></p></td>
  <td width=45><p class=MsoNormal align=center><span lang=EN-US>0</span></p></td>
  <td width=45><p class=MsoNormal><span lang=EN-US>&nbsp;</span></p></td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=93 rowspan=2><p class=MsoNormal>三、本年度办理结果</p></td>
  <td width=93><p class=MsoNormal>（一）予以公开</p></td>
  <td><p class=MsoNormal>１２</p></td><td><p class=MsoNormal>&#51;</p></td><td><p class=MsoNormal>—</p></td>
 </tr>
</table>
<!--EndFragment--></body></html>`
    const rows = parseHtmlTable(html)
    expect(rows).toEqual([
      ['一、本年新收政府信息公开申请数量', '1,203', '0', ''],
      ['三、本年度办理结果', '（一）予以公开', '１２', '3', '—'],
    ])
    expect(dropLeadingLabels(rows!)).toEqual([
      ['1,203', '0', ''],
      ['１２', '3', '—'],
    ])
  })

  it('prefers the HTML table and ignores a trailing empty line; plain text without HTML is TSV', () => {
    expect(parseClipboard({ text: '9\t9', html: '<table><tr><td>1</td><td>2</td></tr></table>' })).toEqual([['1', '2']])
    expect(parseClipboard({ text: '1\t2\r\n\r\n', html: '' })).toEqual([['1', '2']])
    expect(parseClipboard({ text: '', html: '<p>no table</p>' })).toEqual([])
  })

  it('drops header rows of labels and blanks, keeps rows of values and blanks', () => {
    expect(
      dropLeadingLabels([
        ['申请人情况', '', ''],
        ['自然人', '商业企业'],
        ['', '3'],
        ['（七）总计', '/', '4'],
      ]),
    ).toEqual([
      ['', '3'],
      ['/', '4'],
    ])
  })
})

describe('paste onto the grid', () => {
  const t3 = gridModel('2021', 'requests')

  it('a whole table 3 copied from a published report page (merged header and label cells) fills every cell as printed', () => {
    const page = renderReportHtml(huaian as any)
    const html = page.slice(page.indexOf('<table data-table="requests"'))
    const plan = pastePlan(t3, 'requests.received.natural', parseClipboard({ html, text: '' }))
    expect(plan.invalid).toEqual([])
    expect(plan.outside).toBe(0)
    const cells = editionIndex('2021').cells.filter((c) => c.table === 'requests')
    expect(plan.writes.map((w) => w.path)).toEqual(cells.map((c) => c.path))
    for (const w of plan.writes) expect(w.value, w.path).toEqual(cellValue(huaian, w.path) ?? null)
  })

  it('a block copied from Excel lands from the focused cell: rows down the form, columns to the right', () => {
    const rows = ['granted', 'partiallyGranted'].map((row) => APPLICANTS.map((col) => cellValue(huaian, `requests.${row}.${col}`) as number))
    const plan = pastePlan(t3, 'requests.granted.natural', parseClipboard({ text: excelTsv(rows) }))
    expect(plan.writes).toHaveLength(14)
    expect(plan.writes[7]).toEqual({ path: 'requests.partiallyGranted.natural', text: String(rows[1]![0]), value: rows[1]![0] })
    expect(plan.writes.map((w) => w.value)).toEqual(rows.flat())
  })

  it('counts values beyond the table instead of wrapping them, and refuses text that is not a value', () => {
    const plan = pastePlan(t3, 'requests.carriedForward.otherOrg', [
      ['1', '2', '3'],
      ['4', '5'],
    ])
    expect(plan.writes).toEqual([
      { path: 'requests.carriedForward.otherOrg', text: '1', value: 1 },
      { path: 'requests.carriedForward.total', text: '2', value: 2 },
    ])
    expect(plan.outside).toBe(3)
    const bad = pastePlan(t3, 'requests.received.natural', [['7', 'abc', '-3', '2.5', '']])
    expect(bad.writes.map((w) => [w.path, w.value])).toEqual([
      ['requests.received.natural', 7],
      ['requests.received.legal', null],
    ])
    expect(bad.invalid.map((i) => [i.path, i.text, i.expected.zh])).toEqual([
      ['requests.received.commercial', 'abc', '非负整数'],
      ['requests.received.research', '-3', '非负整数'],
      ['requests.received.nonprofit', '2.5', '非负整数'],
    ])
  })

  it('table 2 of the 2019 edition: a pasted column goes down through rows of different shapes', () => {
    const t2 = gridModel('2019', 'proactive')
    const plan = pastePlan(
      t2,
      'proactive.licensing.lastYear',
      parseClipboard({
        text: excelTsv([
          [5, -2, 9],
          [1, 0, 3],
        ]),
      }),
    )
    expect(plan.writes.map((w) => [w.path, w.value])).toEqual([
      ['proactive.licensing.lastYear', 5],
      ['proactive.licensing.change', -2],
      ['proactive.licensing.decisions', 9],
      ['proactive.otherServices.lastYear', 1],
      ['proactive.otherServices.change', 0],
      ['proactive.otherServices.decisions', 3],
    ])
    // and the real 2019 report's table 2 pasted whole from its published page
    const whole = pastePlan(
      t2,
      'proactive.regulations.made',
      parseClipboard({ html: renderReportHtml(pingtan2019 as any).split('data-section="requests"')[0]! }),
    )
    expect(whole.invalid).toEqual([])
    for (const w of whole.writes) expect(w.value, w.path).toEqual(cellValue(pingtan2019, w.path) ?? null)
    expect(whole.writes).toHaveLength(t2.values.length)
  })
})
