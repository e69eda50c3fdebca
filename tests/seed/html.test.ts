/** Web pages: real <table> markup with rowspan/colspan and nested tags; GBK/GB2312 pages. */
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../seed/index.ts'
import { htmlLines } from '../../seed/kinds/html.ts'
import { decodeText } from '../../seed/read/decode.ts'
import { bytesOf, textOf } from './corpus.ts'

const PAGE = 'corpus/real/pingtan-zone-gov-2024.html'

describe('HTML: 平潭 2024 page.html', () => {
  it('reads table rows as lines of cells, leaving out cells a rowspan covers', () => {
    const html = textOf(PAGE)
    expect(html).toMatch(/rowspan="22"/)
    const { lines } = htmlLines(html)
    const first = lines.find((l) => l.cells.some((c) => c.text === '1.属于国家秘密'))!
    expect(first.cells.map((c) => c.text)).toEqual(['（三）不予公开', '1.属于国家秘密', '4', '0', '0', '0', '0', '0', '4'])
    // 三、本年度办理结果 and （三）不予公开 started in earlier rows and span this one
    const second = lines.find((l) => l.cells.some((c) => c.text === '2.其他法律行政法规禁止公开'))!
    expect(second.cells.map((c) => c.text)).toEqual(['2.其他法律行政法规禁止公开', '0', '0', '0', '0', '0', '0', '0'])
    const granted = lines.find((l) => l.cells.some((c) => c.text === '（一）予以公开'))!
    expect(granted.cells[0]!.text.replace(/\s/g, '')).toBe('三、本年度办理结果')
  })

  it('takes cell text from nested tags and entities (<p> in <td>, &nbsp;)', () => {
    const { lines } = htmlLines('<table><tr><td><p><span>行政</span>许可</p></td><td colspan="3"><p>4&nbsp;529</p></td></tr></table>')
    expect(lines).toEqual([
      {
        cells: [
          { text: '行政许可', grid: true },
          { text: '4 529', grid: true },
        ],
        source: { row: 1 },
      },
    ])
  })

  it('uses the page metadata (ArticleTitle, PubDate, ContentSource)', async () => {
    const { report, source } = await parseReport(bytesOf(PAGE), { filename: PAGE })
    expect(report.title).toBe('平潭综合实验区2024年度政府信息公开工作年度报告')
    expect(source).toMatchObject({ kind: 'html', publishedAt: '2025-03-10 15:35', publisher: '平潭综合实验区管委会办公室' })
  })

  it('reads an empty table cell as blank (null), not 0 and not a missing cell', async () => {
    // 2.重复申请 prints 1|0|0|0|0|0|1; empty its first value cell
    const page = textOf(PAGE)
    const label = page.indexOf('2.重复申请')
    const cell = page.indexOf('>1</', label)
    const html = `${page.slice(0, cell)}></${page.slice(cell + 4)}`
    const { report } = await parseReport(html, { filename: 'edited.html' })
    const repeated = (report.requests!.notProcessed as any).repeated
    expect(repeated).toEqual({ natural: null, commercial: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 1 })
  })
})

describe('HTML: GBK and GB2312 pages decoded by their declared charset', () => {
  for (const charset of ['gb2312', 'gbk']) {
    it(`reads the page saved as ${charset} the same as the UTF-8 original`, async () => {
      const html = textOf(PAGE).replace('<meta charset="utf-8"', `<meta charset="${charset}"`)
      const bytes = new Uint8Array(iconv.encode(html, 'gbk'))
      expect(decodeText(bytes)!.encoding).toBe(charset)
      const original = await parseReport(bytesOf(PAGE), { filename: PAGE })
      const encoded = await parseReport(bytes, { filename: 'page.html' })
      expect(encoded.report).toEqual(original.report)
    })
  }

  it('falls back to GB18030 for Chinese text that is not UTF-8 and declares nothing', () => {
    const bytes = new Uint8Array(iconv.encode('王集乡人民政府2023年政府信息公开工作年度报告', 'gbk'))
    expect(decodeText(bytes)).toEqual({ text: '王集乡人民政府2023年政府信息公开工作年度报告', encoding: 'gb18030' })
  })

  it('honours an http-equiv Content-Type charset', () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=GB2312"></head><body>机关</body></html>'
    expect(decodeText(new Uint8Array(iconv.encode(html, 'gbk')))!.text).toContain('机关')
  })
})
