/** The pieces every kind shares: kind detection, edition, labels, title/agency/year, sections, splitting. */
import { describe, expect, it } from 'vitest'
import { getEdition, getTable } from '../../src/index.ts'
import { parseReport, ParseRefusal } from '../../seed/index.ts'
import { pickKind, toSourceInput } from '../../seed/parse.ts'
import { detectEdition, editionMarkers } from '../../seed/read/edition.ts'
import { matchRow, rowLabels } from '../../seed/read/labels.ts'
import { findTitles } from '../../seed/read/meta.ts'
import { readRow, yuanToWan } from '../../seed/read/split.ts'
import type { CellSpec } from '../../seed/read/split.ts'
import type { NumToken } from '../../seed/read/tokens.ts'
import { compactLabel } from '../../seed/read/text.ts'
import { bytesOf, textOf } from './corpus.ts'

describe('source kind detection', () => {
  const kindOf = (file: string, name = file) => pickKind(toSourceInput(bytesOf(file), name)).kind
  it('goes by content first: magic bytes, markup, run-together digits', () => {
    expect(kindOf('corpus/real/huaian-city-gov-2024.pdf', 'report.bin')).toBe('pdf')
    expect(kindOf('tests/fixtures/word/wangji-township-2023.docx', 'report.bin')).toBe('docx')
    expect(kindOf('corpus/real/pingtan-zone-gov-2024.html', 'report.txt')).toBe('html')
    expect(kindOf('corpus/real/pingtan-zone-gov-2025.pdf-text.txt', 'x')).toBe('flattened')
    expect(kindOf('corpus/seed/wangji-township-2023.pdf-text.txt')).toBe('pdf-text')
  })
  it('uses the name where content cannot tell (.md, .ocr.txt)', () => {
    expect(kindOf('corpus/real/shanghai-stcsm-dept-2024.pdf-markdown.md')).toBe('markdown')
    expect(kindOf('corpus/seed/wangji-township-2023.pdf-text.txt', 'scan.ocr.txt')).toBe('ocr')
  })
  it('refuses binary data that is none of the kinds, in Chinese and English', () => {
    const bytes = new Uint8Array(256).map((_, i) => i)
    expect(() => pickKind(toSourceInput(bytes, 'x.bin'))).toThrow(ParseRefusal)
    try {
      pickKind(toSourceInput(bytes, 'x.bin'))
    } catch (error) {
      expect((error as ParseRefusal).reason.zh).toContain('不支持')
      expect((error as ParseRefusal).reason.en).toContain('unsupported')
    }
  })
})

describe('edition from the table headers, not the year', () => {
  it('takes its markers from src/editions, each found in one edition only', () => {
    const markers = editionMarkers()
    const columns2021 = getTable(getEdition('2021'), 'proactive').rows[0]!.columns!.map((c) => compactLabel(c.label.zh))
    expect(markers.get('2021')).toEqual(expect.arrayContaining(columns2021))
    expect(markers.get('2019')).toContain('上一年项目数量')
    for (const m of markers.get('2021')!) expect(markers.get('2019')).not.toContain(m)
  })

  it('reads a report titled 2021 but printed with 2019 headers as the 2019 edition', async () => {
    const text = textOf('corpus/real/pingtan-zone-gov-2019.format2019.pdf-text.txt').replace(/2019年/g, '2021年')
    const { report } = await parseReport(text, { filename: 'late.txt' })
    expect(report.year).toBe(2021)
    expect(report.edition).toBe('2019')
    expect(report.proactive).toHaveProperty('procurement')
  })

  it('finds no edition in text without table headers', () => {
    expect(detectEdition(compactLabel('2024年，我区政府信息公开工作取得了新进展')).edition).toBeNull()
  })
})

describe('label matcher: printed labels to src/editions rows', () => {
  const requests = rowLabels('2021', 'requests')
  const proactive = rowLabels('2021', 'proactive')
  const key = (segment: string, labels = requests) => matchRow(segment, labels)?.label.row.key ?? null

  it('takes every label from the edition data', () => {
    const rows = getTable(getEdition('2021'), 'requests').rows
    expect(requests.map((l) => l.row)).toEqual(rows)
  })
  it('accepts other item-number styles and punctuation', () => {
    expect(key('1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')).toBe('otherHandling.noCorrection')
    expect(key('（ 七 ）总 计')).toBe('totalHandled')
  })
  it('tells 3.其他 from 2.其他法律行政法规禁止公开 and from the 其他 column header', () => {
    expect(key('3.其他')).toBe('otherHandling.other')
    expect(key('2.其他法律行政法规禁止公开')).toBe('withheld.lawProhibited')
    expect(key('法律服务机构其他')).toBeNull()
  })
  it('reads a label wrapped mid-word by its first characters, and a wrapped tail by itself', () => {
    expect(key('1、申请人无正当理由逾期不补')).toBe('otherHandling.noCorrection')
    expect(key('形，不计其他情形）')).toBe('partiallyGranted')
  })
  it('takes the label nearest the values when a segment holds several', () => {
    expect(key('（三）不予公开1.属于国家秘密')).toBe('withheld.stateSecret')
    expect(key('信息内容本年处理决定数量行政许可', proactive)).toBe('licensing')
  })
  it('reads a shortened label as the one row that contains it', () => {
    expect(key('规范性文件', proactive)).toBe('normativeDocuments')
  })
  it('does not guess between two rows a fragment fits equally', () => {
    expect(key('行政机关不再处理其政府信息公开申请')).toBeNull()
  })
})

describe('title, agency and year', () => {
  it('agency before the year, possibly on the line above', () => {
    expect(findTitles('  淮安市人民政府\n     2024 年政府信息公开工作年度报告\n')[0]).toMatchObject({
      title: '淮安市人民政府2024年政府信息公开工作年度报告',
      agency: '淮安市人民政府',
      year: 2024,
    })
  })
  it('year before the agency (Shanghai), wrapped', () => {
    expect(findTitles('正文\n2024 年上海市科委政府信息公开工作\n年度报告\n')[0]).toMatchObject({
      title: '2024年上海市科委政府信息公开工作年度报告',
      agency: '上海市科委',
    })
  })
  it('ignores a title quoted in a document name', () => {
    expect(findTitles('根据《福建省人民政府办公厅关于编制公布2021年政府信息公开工作年度报告有关事项的通知》')).toEqual([])
    expect(findTitles('关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知')).toEqual([])
  })
  it('prefers the heading in the document to the web page title', async () => {
    const { report } = await parseReport(bytesOf('corpus/real/pingtan-zone-gov-2019.format2019.pdf-text.txt'))
    expect(report.title).toBe('平潭综合实验区2019年政府信息公开工作年度报告')
  })
})

describe('splitting run-together digits', () => {
  const specs = (n: number): CellSpec[] => Array.from({ length: n }, (_, i) => ({ path: `c${i}`, kind: 'count' }))
  const num = (digits: string, unit: NumToken['unit'] = null): NumToken => ({ t: 'num', digits, negative: false, unit, raw: digits, line: 0, at: 0 })
  const total = [{ target: 6, terms: [0, 1, 2, 3, 4, 5].map((at) => ({ at, sign: 1 as const })) }]

  it('keeps only the splits the row total allows', () => {
    const { candidates } = readRow([num('21710000218')], specs(7), total, { placement: false })
    expect(candidates.map((c) => c.values)).toEqual([[217, 1, 0, 0, 0, 0, 218]])
  })
  it('keeps every split that adds up when several do', () => {
    const { candidates } = readRow([num('270020130')], specs(7), total, { placement: false })
    expect(candidates.map((c) => c.values)).toEqual(
      expect.arrayContaining([
        [27, 0, 0, 2, 0, 1, 30],
        [2, 7, 0, 0, 20, 1, 30],
      ]),
    )
  })
  it('never gives a cell a leading zero', () => {
    const { candidates } = readRow([num('000')], specs(3), [], { placement: false })
    expect(candidates.map((c) => c.values)).toEqual([[0, 0, 0]])
  })
  it('places a blank cell when a row prints fewer numbers than cells', () => {
    const { candidates } = readRow([num('12'), num('3'), num('15')], specs(4), [{ target: 3, terms: [0, 1, 2].map((at) => ({ at, sign: 1 as const })) }], {
      placement: true,
    })
    expect(candidates.map((c) => c.values)).toEqual(expect.arrayContaining([[12, 3, null, 15]]))
  })
  it('converts 元 to 万元 exactly', () => {
    expect(yuanToWan('75394432.52')).toBe(7539.443252)
    expect(yuanToWan('3940')).toBe(0.394)
  })
})

describe('the project’s own XLSX export', () => {
  it('is read through seed/xlsx.ts as kind xlsx, giving back the report', async () => {
    const { renderReportXlsx } = await import('../../src/render/xlsx.ts')
    const expected = JSON.parse(textOf('corpus/real/huaian-city-gov-2024.expected.json')).report
    const bytes = new Uint8Array(await renderReportXlsx(expected))
    const { report, source } = await parseReport(bytes, { filename: 'export.bin' })
    expect(source.kind).toBe('xlsx')
    expect(report).toMatchObject(expected)
  })
})

describe('refusals', () => {
  it('refuses text that is not a report', async () => {
    await expect(parseReport('这是一封普通的信。', { filename: 'letter.txt' })).rejects.toMatchObject({
      reason: { zh: expect.stringContaining('不是政府信息公开工作年度报告'), en: expect.stringContaining('not a government') },
    })
  })
  it('refuses an empty file', async () => {
    await expect(parseReport(new Uint8Array(0), { filename: 'empty.txt' })).rejects.toBeInstanceOf(ParseRefusal)
  })
})
