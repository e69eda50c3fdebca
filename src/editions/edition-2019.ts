import { INFORMATION_CONTENT, outcomeRow, requestsTable, REVIEW_LITIGATION_TABLE } from './shared.ts'
import type { ColumnDef, EditionDef } from './types.ts'

const DOCUMENT_COLUMNS: readonly ColumnDef[] = [
  { key: 'made', label: { zh: '本年新制作数量', en: 'Made this year' } },
  { key: 'published', label: { zh: '本年新公开数量', en: 'Published this year' } },
  { key: 'total', label: { zh: '对外公开总数量', en: 'Total published' } },
]

const ITEM_COLUMNS: readonly ColumnDef[] = [
  { key: 'lastYear', label: { zh: '上一年项目数量', en: 'Items last year' } },
  { key: 'change', kind: 'signedCount', label: { zh: '本年增/减', en: 'Change this year' } },
  { key: 'decisions', label: { zh: '处理决定数量', en: 'Decisions' } },
]

/** 国办公开办函〔2019〕60号: reports for 2019 and 2020 (and a few later ones). */
export const EDITION_2019: EditionDef = {
  id: '2019',
  label: { zh: '2019年版格式', en: '2019 edition' },
  source: '国办公开办函〔2019〕60号',
  firstYear: 2019,
  tables: [
    {
      key: 'proactive',
      number: 2,
      label: { zh: '二、主动公开政府信息情况', en: 'II. Information published proactively' },
      stubHeader: INFORMATION_CONTENT,
      columns: [],
      groups: [
        { key: 'article20_1', label: { zh: '第二十条第（一）项', en: 'Article 20 (1)' } },
        { key: 'article20_5', label: { zh: '第二十条第（五）项', en: 'Article 20 (5)' } },
        { key: 'article20_6', label: { zh: '第二十条第（六）项', en: 'Article 20 (6)' } },
        { key: 'article20_8', label: { zh: '第二十条第（八）项', en: 'Article 20 (8)' } },
        { key: 'article20_9', label: { zh: '第二十条第（九）项', en: 'Article 20 (9)' } },
      ],
      rows: [
        { key: 'regulations', group: 'article20_1', label: { zh: '规章', en: 'Rules' }, columns: DOCUMENT_COLUMNS },
        {
          key: 'normativeDocuments',
          group: 'article20_1',
          label: { zh: '规范性文件', en: 'Normative documents' },
          columns: DOCUMENT_COLUMNS,
        },
        { key: 'licensing', group: 'article20_5', label: { zh: '行政许可', en: 'Administrative licensing' }, columns: ITEM_COLUMNS },
        {
          key: 'otherServices',
          group: 'article20_5',
          label: { zh: '其他对外管理服务事项', en: 'Other external management services' },
          columns: ITEM_COLUMNS,
        },
        { key: 'punishment', group: 'article20_6', label: { zh: '行政处罚', en: 'Administrative penalties' }, columns: ITEM_COLUMNS },
        { key: 'coercion', group: 'article20_6', label: { zh: '行政强制', en: 'Administrative coercion' }, columns: ITEM_COLUMNS },
        {
          key: 'fees',
          group: 'article20_8',
          label: { zh: '行政事业性收费', en: 'Administrative fees' },
          columns: ITEM_COLUMNS.slice(0, 2),
        },
        {
          key: 'procurement',
          group: 'article20_9',
          label: { zh: '政府集中采购', en: 'Centralised government procurement' },
          columns: [
            { key: 'projects', label: { zh: '采购项目数量', en: 'Procurement projects' } },
            { key: 'amount', kind: 'amount', label: { zh: '采购总金额', en: 'Total amount (10,000 yuan)' } },
          ],
        },
      ],
    },
    requestsTable([outcomeRow('otherHandling', '（六）其他处理', '(6) Otherwise handled')]),
    REVIEW_LITIGATION_TABLE,
  ],
}
