import type { Label } from '@xxgk/schema'

/** The review panel's and comparison view's texts (kept beside them; the states' labels come from collections/reports/review.ts). */
export const REVIEW_TEXT = {
  title: { zh: '审核', en: 'Review' },
  state: { zh: '审核状态', en: 'State' },
  submit: { zh: '提交审核', en: 'Submit for review' },
  approve: { zh: '审核通过', en: 'Approve' },
  return: { zh: '退回修改', en: 'Return' },
  comment: { zh: '意见', en: 'Comment' },
  cell: { zh: '意见所指的单元格', en: 'The cell the comment is about' },
  wholeReport: { zh: '整份报告（不指定单元格）', en: 'The whole report (no cell)' },
  cellHint: {
    zh: '在表格中点选一个单元格，即可将意见钉在该格上。',
    en: 'Click a cell in a table to pin the comment to it.',
  },
  openComments: { zh: '待处理的审核意见', en: 'Open review comments' },
  history: { zh: '审核记录', en: 'History' },
  saveFirst: { zh: '请先保存修改。', en: 'Save your changes first.' },
  goToCell: { zh: '转到单元格', en: 'Go to cell' },
  publishNeedsApproval: { zh: '审核通过后才能发布。', en: 'Publishing needs approval.' },
  compareTitle: { zh: '对比上年', en: 'Compare with last year' },
  noPrevious: { zh: '没有上一年度的报告可供对比。', en: 'There is no report of the previous year to compare with.' },
  thisYear: { zh: '本年', en: 'This year' },
  lastYear: { zh: '上年', en: 'Last year' },
  compareLegend: {
    zh: '每格上为本年数，下为上年数及增减；与上年报告不符的格以黄色标出。',
    en: 'Each cell: this year above, last year and the change below; cells that disagree with last year’s report are marked yellow.',
  },
  exportCompare: { zh: '导出对比 Excel', en: 'Export comparison (Excel)' },
  loading: { zh: '加载中…', en: 'Loading…' },
  actions: {
    submit: { zh: '提交', en: 'submitted' },
    return: { zh: '退回', en: 'returned' },
    approve: { zh: '通过', en: 'approved' },
    publish: { zh: '发布', en: 'published' },
    edit: { zh: '修改', en: 'edited' },
  },
} satisfies Record<string, Label | Record<string, Label>>
