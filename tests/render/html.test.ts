import { beforeAll, describe, expect, it } from 'vitest'
import { editionIndex, getEdition, getTable, NotAReportError } from '../../src/index.ts'
import type { Report } from '../../src/index.ts'
import { renderReportHtml } from '../../src/render/html.ts'
import { expectedFile, expectedFiles } from '../helpers/corpus.ts'
import { describeMatrix, htmlMatrix, htmlTables, templateRows, wordMatrix } from './grid.ts'
import type { Matrix, Region, WordCell } from './grid.ts'

const files = expectedFiles()
const compact = (text: string) => text.replace(/[\s\u3000]+/g, '')
/** Label regions by their text, value regions as □: the structure the printed form shows. */
const shape = (region: Region) => (region.tag === 'td' || (region.tag === 'tc' && region.text === '') ? '□' : compact(region.text))

function valueAt(report: Record<string, any>, path: string): unknown {
  return path.split('.').reduce<any>((node, key) => node?.[key], report)
}

/** How the form prints a stored value: blank for null, the number's own decimal notation. */
const printed = (value: unknown) => (value === null || value === undefined ? '' : String(value))

let template: WordCell[][][]
beforeAll(async () => {
  template = await templateRows()
  expect(template).toHaveLength(3)
})

/** The 2019 form's table 3 is the 2021 one with a single （六）其他处理 row spanning two label columns. */
function template2019Requests(): WordCell[][] {
  const rows = template[1]!.map((r) => r.map((c) => ({ ...c })))
  const first = rows.findIndex((r) => r.some((c) => c.text.startsWith('1.申请人无正当理由逾期不补正')))
  expect(first).toBeGreaterThan(0)
  const single: WordCell[] = [
    { text: '', span: 1, merge: 'continue' },
    { text: '（六）其他处理', span: 2, merge: null },
    ...Array.from({ length: 7 }, () => ({ text: '', span: 1, merge: null })),
  ]
  rows.splice(first, 3, single)
  return rows
}

/** The 2019 form's table 2 (国办公开办函〔2019〕60号), row by row as [text, span]; '' is a value cell. */
const PROACTIVE_2019: [string, number][][] = [
  [['第二十条第（一）项', 4]],
  [
    ['信息内容', 1],
    ['本年新制作数量', 1],
    ['本年新公开数量', 1],
    ['对外公开总数量', 1],
  ],
  [
    ['规章', 1],
    ['', 1],
    ['', 1],
    ['', 1],
  ],
  [
    ['规范性文件', 1],
    ['', 1],
    ['', 1],
    ['', 1],
  ],
  [['第二十条第（五）项', 4]],
  [
    ['信息内容', 1],
    ['上一年项目数量', 1],
    ['本年增/减', 1],
    ['处理决定数量', 1],
  ],
  [
    ['行政许可', 1],
    ['', 1],
    ['', 1],
    ['', 1],
  ],
  [
    ['其他对外管理服务事项', 1],
    ['', 1],
    ['', 1],
    ['', 1],
  ],
  [['第二十条第（六）项', 4]],
  [
    ['信息内容', 1],
    ['上一年项目数量', 1],
    ['本年增/减', 1],
    ['处理决定数量', 1],
  ],
  [
    ['行政处罚', 1],
    ['', 1],
    ['', 1],
    ['', 1],
  ],
  [
    ['行政强制', 1],
    ['', 1],
    ['', 1],
    ['', 1],
  ],
  [['第二十条第（八）项', 4]],
  [
    ['信息内容', 1],
    ['上一年项目数量', 1],
    ['本年增/减', 2],
  ],
  [
    ['行政事业性收费', 1],
    ['', 1],
    ['', 2],
  ],
  [['第二十条第（九）项', 4]],
  [
    ['信息内容', 1],
    ['采购项目数量', 1],
    ['采购总金额', 2],
  ],
  [
    ['政府集中采购', 1],
    ['', 1],
    ['', 2],
  ],
]
const simpleRows = (rows: [string, number][][]): WordCell[][] => rows.map((r) => r.map(([text, span]) => ({ text, span, merge: null })))

function expectedMatrix(edition: string, table: string): Matrix {
  const index = { proactive: 0, requests: 1, reviewLitigation: 2 }[table]!
  if (edition === '2021') return wordMatrix(template[index]!)
  if (table === 'requests') return wordMatrix(template2019Requests())
  if (table === 'proactive') return wordMatrix(simpleRows(PROACTIVE_2019))
  return wordMatrix(template[index]!) // table 4 is the same in both editions
}

describe.each(files.map((f) => [f.name, f] as const))('HTML of %s', (_name, file) => {
  const report = file.report as Report
  const html = renderReportHtml(report)
  const tables = htmlTables(html)

  it.each(['proactive', 'requests', 'reviewLitigation'])('table %s has the merged cells of the printed form', (key) => {
    const actual = describeMatrix(htmlMatrix(tables.get(key)!), shape)
    expect(actual).toEqual(describeMatrix(expectedMatrix(report.edition, key), shape))
  })

  it('has every cell value once, in its row and under its column', () => {
    const { cells } = editionIndex(report.edition)
    const seen = new Set<string>()
    for (const key of ['proactive', 'requests', 'reviewLitigation']) {
      const matrix = htmlMatrix(tables.get(key)!)
      matrix.forEach((slots, r) =>
        slots.forEach((region, c) => {
          if (region.tag !== 'td' || region.row !== r || region.col !== c) return
          const path = region.attrs['data-path']!
          const cell = editionIndex(report.edition).byPath.get(path)
          expect(cell, path).toBeDefined()
          expect(seen.has(path), `${path} twice`).toBe(false)
          seen.add(path)
          expect(region.text, path).toBe(printed(valueAt(report, path)))
          const rowLabel = cell!.row.label.zh
          const columnLabel = cell!.column.label.zh
          if (key === 'requests') {
            const stub = matrix[r]!.filter((s) => s.tag === 'th').at(-1)!
            expect(stub.text, path).toBe(rowLabel)
            expect(matrix[2]![c]!.text, path).toBe(columnLabel)
          } else if (key === 'proactive') {
            expect(matrix[r]![0]!.text, path).toBe(rowLabel)
            let header = r - 1
            while (matrix[header]![0]!.text !== '信息内容') header--
            expect(matrix[header]![c]!.text, path).toBe(columnLabel)
          } else {
            expect(matrix[2]![c]!.text, path).toBe(columnLabel)
            const owners = [matrix[0]![c]!.text, matrix[1]![c]!.text]
            expect(owners, path).toContain(rowLabel)
            if (cell!.row.group) expect(owners[0], path).toBe('行政诉讼')
          }
        }),
      )
    }
    expect([...seen].sort()).toEqual(cells.map((c) => c.path).sort())
  })

  it('prints the title and the six sections in order with the table notes', () => {
    const headings = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1])
    expect(headings).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ])
    expect(html).toContain(`<h1 class="xxgk-title">${report.title}</h1>`)
    expect(html).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')
    expect(html).toContain(`<title>${report.title}</title>`)
  })

  it('has print CSS for A4 with borders and rows kept whole', () => {
    expect(html).toMatch(/@page\s*\{[^}]*size:\s*A4/)
    expect(html).toMatch(/border:\s*1px solid #000/)
    expect(html).toMatch(/tr\s*\{[^}]*break-inside:\s*avoid/)
    expect(html).toMatch(/Noto (Serif|Sans) CJK SC/)
  })
})

describe('HTML details', () => {
  const base = expectedFile('wangji-township-2023').report as Report

  it('escapes narrative text, title and agency: markup shows as text', () => {
    const report: Report = {
      ...structuredClone(base),
      title: '标题</title><script>alert(2)</script>',
      agency: '"><img src=x onerror=alert(3)>',
      text: { overview: '第一段<script>alert(1)</script>\n\n　　第二段 & <b>粗</b>', problems: '<iframe src="x">', other: null },
    }
    const html = renderReportHtml(report)
    expect(html).not.toMatch(/<script|<img|<iframe|<b>/i)
    expect(html).toContain('<p>第一段&lt;script&gt;alert(1)&lt;/script&gt;</p>')
    expect(html).toContain('<p>第二段 &amp; &lt;b&gt;粗&lt;/b&gt;</p>')
    expect(html).toContain('<p>&lt;iframe src=&quot;x&quot;&gt;</p>')
    expect(html).toContain('<title>标题&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;</title>')
  })

  it('makes a paragraph of each non-empty line, in the section of its key', () => {
    const report: Report = { ...structuredClone(base), text: { overview: 'A\r\nB\n\n\nC', problems: '', other: '无其他需要报告的事项。' } }
    const html = renderReportHtml(report)
    const section = (key: string) => new RegExp(`<div class="xxgk-text" data-text="${key}">([\\s\\S]*?)</div>`).exec(html)![1]!
    expect([...section('overview').matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1])).toEqual(['A', 'B', 'C'])
    expect(section('problems')).toBe('')
    expect(section('other')).toContain('<p>无其他需要报告的事项。</p>')
  })

  it('renders blank cells empty and amounts exactly as stored', () => {
    const report = structuredClone(base) as any
    report.requests.granted.natural = null
    delete report.requests.granted.legal
    report.proactive.fees.amount = 1234.56789
    const tiny = structuredClone(expectedFile('pingtan-zone-gov-2019.format2019').report) as any
    tiny.proactive.procurement.amount = 0.0000001
    const matrixCell = (html: string, path: string) => new RegExp(`<td[^>]*data-path="${path.replace(/\./g, '\\.')}"[^>]*>([^<]*)</td>`).exec(html)?.[1]
    const html = renderReportHtml(report)
    expect(matrixCell(html, 'requests.granted.natural')).toBe('')
    expect(matrixCell(html, 'requests.granted.legal')).toBe('')
    expect(matrixCell(html, 'proactive.fees.amount')).toBe('1234.56789')
    expect(matrixCell(renderReportHtml(tiny), 'proactive.procurement.amount')).toBe('0.0000001')
  })

  it('shows an invalid stored value as inert text', () => {
    const report = structuredClone(base) as any
    report.requests.received.natural = '<b>12</b>'
    const html = renderReportHtml(report)
    expect(html).toContain('<td data-path="requests.received.natural">&lt;b&gt;12&lt;/b&gt;</td>')
  })

  it('titles a report without a title from agency and year', () => {
    const { title: _omit, ...untitled } = structuredClone(base)
    expect(renderReportHtml(untitled as Report)).toContain('<h1 class="xxgk-title">王集乡人民政府2023年政府信息公开工作年度报告</h1>')
  })

  it('renders English labels when asked, and a fragment without the page', () => {
    const en = renderReportHtml(base, { lang: 'en' })
    expect(en).toContain('<h2>I. Overview</h2>')
    expect(en).toContain(getTable(getEdition('2021'), 'requests').columnsHeader!.en)
    const fragment = renderReportHtml(base, { mode: 'fragment' })
    expect(fragment).not.toContain('<html')
    expect(fragment).not.toContain('@page')
    expect(fragment).toContain('<article class="xxgk-report"')
  })

  it('refuses what is not a report', () => {
    expect(() => renderReportHtml({ edition: '2030' } as unknown as Report)).toThrow(NotAReportError)
    expect(() => renderReportHtml(null as unknown as Report)).toThrow(NotAReportError)
  })
})
