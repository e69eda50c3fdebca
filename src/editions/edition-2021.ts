import { INFORMATION_CONTENT, outcomeRow, requestsTable, REVIEW_LITIGATION_TABLE } from './shared.ts'
import type { ColumnDef, EditionDef } from './types.ts'

const DOCUMENT_COLUMNS: readonly ColumnDef[] = [
  { key: 'issued', label: { zh: '本年制发件数', en: 'Issued this year' } },
  { key: 'repealed', label: { zh: '本年废止件数', en: 'Repealed this year' } },
  { key: 'inForce', label: { zh: '现行有效件数', en: 'In force' } },
]

const DECISION_COLUMNS: readonly ColumnDef[] = [{ key: 'decisions', label: { zh: '本年处理决定数量', en: 'Decisions this year' } }]

/** 国办公开办函〔2021〕30号: reports for 2021 and later. */
export const EDITION_2021: EditionDef = {
  id: '2021',
  label: { zh: '2021年版格式', en: '2021 edition' },
  source: '国办公开办函〔2021〕30号',
  firstYear: 2021,
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
      ],
      rows: [
        { key: 'regulations', group: 'article20_1', label: { zh: '规章', en: 'Rules' }, columns: DOCUMENT_COLUMNS },
        {
          key: 'normativeDocuments',
          group: 'article20_1',
          label: { zh: '行政规范性文件', en: 'Normative documents' },
          columns: DOCUMENT_COLUMNS,
        },
        { key: 'licensing', group: 'article20_5', label: { zh: '行政许可', en: 'Administrative licensing' }, columns: DECISION_COLUMNS },
        { key: 'punishment', group: 'article20_6', label: { zh: '行政处罚', en: 'Administrative penalties' }, columns: DECISION_COLUMNS },
        { key: 'coercion', group: 'article20_6', label: { zh: '行政强制', en: 'Administrative coercion' }, columns: DECISION_COLUMNS },
        {
          key: 'fees',
          group: 'article20_8',
          label: { zh: '行政事业性收费', en: 'Administrative fees' },
          columns: [
            {
              key: 'amount',
              kind: 'amount',
              label: { zh: '本年收费金额（单位：万元）', en: 'Fees collected this year (10,000 yuan)' },
            },
          ],
        },
      ],
    },
    requestsTable([
      outcomeRow(
        'otherHandling.noCorrection',
        '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        '1. Applicant failed to correct the request in time; no longer processed',
        'otherHandling',
      ),
      outcomeRow(
        'otherHandling.unpaidFee',
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        '2. Applicant did not pay the fee in time; no longer processed',
        'otherHandling',
      ),
      outcomeRow('otherHandling.other', '3.其他', '3. Other', 'otherHandling'),
    ]),
    REVIEW_LITIGATION_TABLE,
  ],
}
