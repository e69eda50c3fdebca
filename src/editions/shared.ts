import type { ColumnDef, GroupDef, RowDef, TableDef } from './types.ts'

/** Header of table 2's row-label column in both editions. */
export const INFORMATION_CONTENT = { zh: '信息内容', en: 'Information' }

const ORGANISATION = { zh: '法人或其他组织', en: 'Legal persons or other organisations' }

/** Table 3 columns: 申请人情况. */
export const APPLICANT_COLUMNS: readonly ColumnDef[] = [
  { key: 'natural', label: { zh: '自然人', en: 'Natural persons' } },
  { key: 'commercial', label: { zh: '商业企业', en: 'Commercial enterprises' }, header: ORGANISATION },
  { key: 'research', label: { zh: '科研机构', en: 'Research institutions' }, header: ORGANISATION },
  { key: 'nonprofit', label: { zh: '社会公益组织', en: 'Public-interest organisations' }, header: ORGANISATION },
  { key: 'legal', label: { zh: '法律服务机构', en: 'Legal service institutions' }, header: ORGANISATION },
  { key: 'otherOrg', label: { zh: '其他', en: 'Other organisations' }, header: ORGANISATION },
  { key: 'total', label: { zh: '总计', en: 'Total' }, isTotal: true },
]

const REQUEST_GROUPS: readonly GroupDef[] = [
  { key: 'results', label: { zh: '三、本年度办理结果', en: 'III. Outcomes this year' } },
  { key: 'withheld', parent: 'results', label: { zh: '（三）不予公开', en: '(3) Withheld' } },
  { key: 'unavailable', parent: 'results', label: { zh: '（四）无法提供', en: '(4) Cannot be provided' } },
  { key: 'notProcessed', parent: 'results', label: { zh: '（五）不予处理', en: '(5) Not processed' } },
  { key: 'otherHandling', parent: 'results', label: { zh: '（六）其他处理', en: '(6) Otherwise handled' } },
]

const outcome = (key: string, zh: string, en: string, group = 'results'): RowDef => ({
  key,
  label: { zh, en },
  group,
  role: 'outcome',
})

const REQUESTS_HEAD: readonly RowDef[] = [
  {
    key: 'received',
    role: 'received',
    label: { zh: '一、本年新收政府信息公开申请数量', en: 'I. New requests received this year' },
  },
  {
    key: 'carriedOver',
    role: 'carriedOver',
    label: { zh: '二、上年结转政府信息公开申请数量', en: 'II. Requests carried over from last year' },
  },
  outcome('granted', '（一）予以公开', '(1) Granted'),
  outcome('partiallyGranted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '(2) Partially granted (count separable requests here only)'),
  outcome('withheld.stateSecret', '1.属于国家秘密', '1. State secret', 'withheld'),
  outcome('withheld.lawProhibited', '2.其他法律行政法规禁止公开', '2. Prohibited by other laws or regulations', 'withheld'),
  outcome('withheld.securityStability', '3.危及“三安全一稳定”', '3. Endangers the “three securities and stability”', 'withheld'),
  outcome('withheld.thirdParty', '4.保护第三方合法权益', "4. Protects a third party's lawful rights", 'withheld'),
  outcome('withheld.internalAffairs', '5.属于三类内部事务信息', '5. Internal affairs information', 'withheld'),
  outcome('withheld.processInfo', '6.属于四类过程性信息', '6. Process information', 'withheld'),
  outcome('withheld.enforcementFiles', '7.属于行政执法案卷', '7. Administrative enforcement files', 'withheld'),
  outcome('withheld.adminQuery', '8.属于行政查询事项', '8. Administrative query matters', 'withheld'),
  outcome('unavailable.notHeld', '1.本机关不掌握相关政府信息', '1. Not held by this agency', 'unavailable'),
  outcome('unavailable.needsCreation', '2.没有现成信息需要另行制作', '2. Would have to be newly created', 'unavailable'),
  outcome('unavailable.unclear', '3.补正后申请内容仍不明确', '3. Still unclear after correction', 'unavailable'),
  outcome('notProcessed.complaint', '1.信访举报投诉类申请', '1. Petitions, reports and complaints', 'notProcessed'),
  outcome('notProcessed.repeated', '2.重复申请', '2. Repeated requests', 'notProcessed'),
  outcome('notProcessed.publication', '3.要求提供公开出版物', '3. Requests for published materials', 'notProcessed'),
  outcome('notProcessed.excessive', '4.无正当理由大量反复申请', '4. Excessive repeated requests without good reason', 'notProcessed'),
  outcome('notProcessed.confirmation', '5.要求行政机关确认或重新出具已获取信息', '5. Asks to confirm or reissue information already obtained', 'notProcessed'),
]

const REQUESTS_TAIL: readonly RowDef[] = [
  {
    key: 'totalHandled',
    role: 'totalHandled',
    group: 'results',
    label: { zh: '（七）总计', en: '(7) Total handled' },
  },
  {
    key: 'carriedForward',
    role: 'carriedForward',
    label: { zh: '四、结转下年度继续办理', en: 'IV. Carried forward to next year' },
  },
]

/** Table 3 with the edition's own 三（六）其他处理 rows between the shared head and tail. */
export function requestsTable(otherHandling: readonly RowDef[]): TableDef {
  return {
    key: 'requests',
    number: 3,
    label: { zh: '三、收到和处理政府信息公开申请情况', en: 'III. Requests received and handled' },
    note: {
      zh: '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和',
      en: 'In each column, item I plus item II equals item III plus item IV',
    },
    columnsHeader: { zh: '申请人情况', en: 'Applicants' },
    columns: APPLICANT_COLUMNS,
    groups: REQUEST_GROUPS,
    rows: [...REQUESTS_HEAD, ...otherHandling, ...REQUESTS_TAIL],
  }
}

export { outcome as outcomeRow }

const LITIGATION = { zh: '行政诉讼', en: 'Administrative litigation' }

/** Table 4: each group of the printed form's single row is a row here, with five columns. */
export const REVIEW_LITIGATION_TABLE: TableDef = {
  key: 'reviewLitigation',
  number: 4,
  label: {
    zh: '四、政府信息公开行政复议、行政诉讼情况',
    en: 'IV. Administrative reviews and lawsuits',
  },
  columns: [
    { key: 'upheld', label: { zh: '结果维持', en: 'Upheld' } },
    { key: 'corrected', label: { zh: '结果纠正', en: 'Corrected' } },
    { key: 'other', label: { zh: '其他结果', en: 'Other outcome' } },
    { key: 'pending', label: { zh: '尚未审结', en: 'Pending' } },
    { key: 'total', label: { zh: '总计', en: 'Total' }, isTotal: true },
  ],
  groups: [{ key: 'litigation', label: LITIGATION }],
  rows: [
    { key: 'review', label: { zh: '行政复议', en: 'Administrative review' } },
    {
      key: 'litigationDirect',
      group: 'litigation',
      label: { zh: '未经复议直接起诉', en: 'Lawsuit without prior review' },
    },
    {
      key: 'litigationAfterReview',
      group: 'litigation',
      label: { zh: '复议后起诉', en: 'Lawsuit after review' },
    },
  ],
}
