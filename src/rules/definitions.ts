import type { Rule } from './types.ts'

/**
 * The largest magnitude a cell may hold (10¹²: more requests, decisions or 万元 than any agency
 * reports). Every sum of the rules then stays exact in floating point (a table's longest sum
 * has under 40 terms: 4×10¹³ < 2⁵³), so 2⁵³−1 + 2 and 2⁵³−1 + 1 can never compare equal.
 */
export const CELL_MAXIMUM = 1_000_000_000_000

/**
 * Every rule of SPEC.md as data. The evaluator (evaluate.ts) knows one routine per `kind`;
 * adding a rule of an existing kind, or an edition, is a change to data only.
 */
export const RULES: readonly Rule[] = [
  {
    id: 'SCHEMA',
    kind: 'schema',
    severity: 'error',
    title: { zh: '报告结构', en: 'Report structure' },
    message: { zh: '{path}: {reason}', en: '{path}: {reason}' },
  },
  {
    id: 'CELL.TYPE',
    kind: 'cellType',
    severity: 'error',
    title: { zh: '单元格类型', en: 'Cell type' },
    maximum: CELL_MAXIMUM,
    expected: {
      count: { zh: '非负整数', en: 'an integer ≥ 0' },
      signedCount: { zh: '整数', en: 'an integer' },
      amount: { zh: '非负数（万元）', en: 'a number ≥ 0 (10,000 yuan)' },
    },
    message: {
      zh: '{path}: 报告值 {reported}，应为{expected}或空白（{row} / {column}）',
      en: '{path}: reported {reported}, expected {expected} or blank ({row} / {column})',
    },
  },
  {
    id: 'T3.BALANCE',
    kind: 'equation',
    severity: 'error',
    title: { zh: '表三各列勾稽关系', en: 'Table 3 column balance' },
    formula: 'carriedForward = received + carriedOver − totalHandled',
    each: { table: 'requests', over: 'columns' },
    target: 'requests.carriedForward.{column}',
    terms: [{ cell: 'requests.received.{column}' }, { cell: 'requests.carriedOver.{column}' }, { cell: 'requests.totalHandled.{column}', sign: -1 }],
    message: {
      zh: '{path}: 报告值 {reported}，计算值 {computed}（{column}列：第一项加第二项之和应等于第三项加第四项之和）',
      en: '{path}: reported {reported}, computed {computed} ({column}: received + carried over must equal handled + carried forward)',
    },
  },
  {
    id: 'T3.HANDLED_SUM',
    kind: 'equation',
    severity: 'error',
    title: { zh: '表三办理结果总计', en: 'Table 3 outcomes total' },
    formula: 'totalHandled = Σ outcome rows',
    each: { table: 'requests', over: 'columns' },
    target: 'requests.totalHandled.{column}',
    terms: [{ rowsWithRole: 'outcome' }],
    fillsBlankTarget: true,
    message: {
      zh: '{path}: 报告值 {reported}，计算值 {computed}（{column}列：（七）总计应等于（一）至（六）各项之和）',
      en: '{path}: reported {reported}, computed {computed} ({column}: total handled must equal the sum of outcomes (1)–(6))',
    },
  },
  {
    id: 'T3.ROW_TOTAL',
    kind: 'equation',
    severity: 'error',
    title: { zh: '表三行总计', en: 'Table 3 row total' },
    formula: 'total = natural + commercial + research + nonprofit + legal + otherOrg',
    each: { table: 'requests', over: 'rows' },
    target: 'requests.{row}.total',
    terms: [{ rowItems: true }],
    fillsBlankTarget: true,
    message: {
      zh: '{path}: 报告值 {reported}，计算值 {computed}（{row}：总计应等于各类申请人之和）',
      en: '{path}: reported {reported}, computed {computed} ({row}: the total must equal the sum of applicant columns)',
    },
  },
  {
    id: 'T4.TOTAL',
    kind: 'equation',
    severity: 'error',
    title: { zh: '表四总计', en: 'Table 4 total' },
    formula: 'total = upheld + corrected + other + pending',
    each: { table: 'reviewLitigation', over: 'rows' },
    target: 'reviewLitigation.{row}.total',
    terms: [{ rowItems: true }],
    fillsBlankTarget: true,
    message: {
      zh: '{path}: 报告值 {reported}，计算值 {computed}（{row}：总计应等于结果维持、结果纠正、其他结果、尚未审结之和）',
      en: '{path}: reported {reported}, computed {computed} ({row}: the total must equal upheld + corrected + other + pending)',
    },
  },
  {
    id: 'X.CARRY',
    kind: 'equation',
    severity: 'warning',
    title: { zh: '上年结转与上年报告一致', en: 'Carried over matches last year' },
    formula: 'carriedOver(Y) = carriedForward(Y−1)',
    each: { table: 'requests', over: 'columns' },
    target: 'requests.carriedOver.{column}',
    terms: [{ cell: 'requests.carriedForward.{column}', from: 'previous' }],
    message: {
      zh: '{path}: 报告值 {reported}，上年报告“结转下年度继续办理”为 {computed}（{column}列）',
      en: "{path}: reported {reported}, last year's report carried forward {computed} ({column})",
    },
  },
  {
    id: 'X.PREVIOUS',
    kind: 'previousReport',
    severity: 'warning',
    title: { zh: '上年报告可比', en: 'Previous report comparable' },
    message: {
      zh: '{path}: 上年报告为“{reported}”，应为同一机关 {computed} 年度的报告；跨年度规则未执行',
      en: "{path}: the previous report is “{reported}”; expected the same agency's report for {computed}; cross-report rules not run",
    },
  },
  {
    id: 'X.IN_FORCE',
    kind: 'equation',
    severity: 'warning',
    title: { zh: '现行有效件数与上年衔接', en: 'In-force count follows last year' },
    editions: ['2021'],
    formula: 'inForce(Y) = inForce(Y−1) + issued(Y) − repealed(Y)',
    each: { table: 'proactive', over: 'rows', only: ['regulations', 'normativeDocuments'] },
    target: 'proactive.{row}.inForce',
    terms: [{ cell: 'proactive.{row}.inForce', from: 'previous' }, { cell: 'proactive.{row}.issued' }, { cell: 'proactive.{row}.repealed', sign: -1 }],
    message: {
      zh: '{path}: 报告值 {reported}，计算值 {computed}（{row}：上年现行有效件数 + 本年制发 − 本年废止）',
      en: "{path}: reported {reported}, computed {computed} ({row}: last year's in force + issued − repealed)",
    },
  },
  {
    id: 'TEXT.MATCH',
    kind: 'textMatch',
    severity: 'warning',
    title: { zh: '正文数字与表格一致', en: 'Narrative figures match the tables' },
    sections: ['overview', 'problems', 'other'],
    figures: [
      {
        key: 'received',
        label: { zh: '本年新收申请', en: 'requests received' },
        cells: ['requests.received.total'],
        patterns: [
          '(?:收到|受理|新收|接收)(?:各类|政府信息公开|信息公开|依申请公开|公开)*申请(?:共计|共|总计|合计)?(\\d+)件',
          '(?:收到|受理|新收|接收)(?:各类|政府信息公开|信息公开|依申请公开)?(?:申请)?(\\d+)件(?:政府信息公开|信息公开|依申请公开)?申请',
        ],
      },
      {
        key: 'carriedOver',
        label: { zh: '上年结转申请', en: 'requests carried over' },
        cells: ['requests.carriedOver.total'],
        patterns: ['上一?年度?结转(?:的)?(?:政府信息公开|信息公开)?(?:申请)?(?:共)?(\\d+)件'],
      },
      {
        key: 'handled',
        label: { zh: '本年办结申请', en: 'requests handled' },
        cells: ['requests.totalHandled.total'],
        patterns: [
          // not the outcome counts "同意公开答复9件", "不予公开答复2件"
          '(?<!公开|处理|提供|予以)(?:办结|答复|办理完成|完成答复)(?:了)?(?:政府信息公开|信息公开|依申请公开)?(?:申请)?(?:共)?(\\d+)件',
          '办理(?:了)?(?:政府信息公开|信息公开|依申请公开)申请(\\d+)件',
        ],
      },
      {
        key: 'carriedForward',
        label: { zh: '结转下年度申请', en: 'requests carried forward' },
        cells: ['requests.carriedForward.total'],
        patterns: [
          '(?<!\\d)(\\d+)件(?:申请)?(?:结转|顺延|转入?)(?:至|到)?(?:下一?年度?|\\d{4}年)',
          '(?:结转|转)(?:至|到)?(?:下一?年度?|\\d{4}年度?)(?:继续)?(?:办理)?(?:答复)?(?:的)?(?:申请)?(?:有)?(\\d+)件',
        ],
      },
      {
        key: 'review',
        label: { zh: '行政复议', en: 'administrative reviews' },
        cells: ['reviewLitigation.review.total'],
        patterns: ['行政复议(?:案件)?(?:数为|数量为|共计|共)?(\\d+)(?:件|起)', '(?<!\\d)(\\d+)(?:件|起)(?:涉及政府信息公开(?:工作)?的|政府信息公开)?行政复议'],
      },
      {
        key: 'litigation',
        label: { zh: '行政诉讼', en: 'lawsuits' },
        cells: ['reviewLitigation.litigationDirect.total', 'reviewLitigation.litigationAfterReview.total'],
        patterns: ['行政诉讼(?:案件)?(?:数为|数量为|共计|共)?(\\d+)(?:件|起)', '(?<!\\d)(\\d+)(?:件|起)(?:涉及政府信息公开(?:工作)?的|政府信息公开)?行政诉讼'],
      },
    ],
    message: {
      zh: '{path}: 表格值 {reported}，正文所述{figure} {computed}（“{excerpt}”）',
      en: '{path}: the table says {reported}, the narrative states {computed} {figure} (“{excerpt}”)',
    },
  },
  {
    id: 'FEE.REPORTED',
    kind: 'textMentions',
    severity: 'warning',
    title: { zh: '报告信息处理费', en: 'Information processing fees reported' },
    editions: ['2021'],
    section: 'other',
    words: ['处理费'],
    message: {
      zh: '{path}: 第六部分“其他需要报告的事项”未说明信息处理费收取情况',
      en: '{path}: section VI (other matters) says nothing about information processing fees',
    },
  },
  {
    id: 'DEADLINE',
    kind: 'deadline',
    severity: 'warning',
    title: { zh: '按期公布', en: 'Published on time' },
    deadlines: [
      {
        agencyKinds: ['government'],
        agencyLevels: ['province', 'city', 'county'],
        month: 3,
        day: 31,
        label: { zh: '县级以上人民政府本级报告', en: 'report of a county-level-or-higher government' },
      },
      { month: 1, day: 31, label: { zh: '政府部门及其他机关', en: 'departments and other bodies' } },
    ],
    message: {
      zh: '{path}: 公布日期 {reported} 晚于 {computed}（{deadline}应于次年该日前公布）',
      en: '{path}: published {reported}, after {computed} (the deadline for a {deadline})',
    },
  },
  {
    id: 'CELL.BLANK',
    kind: 'blank',
    severity: 'warning',
    title: { zh: '空白单元格按 0 计算', en: 'Blank cell read as 0' },
    // one issue per table; its `cells` list the blank cells
    message: {
      zh: '{path}: {table}有 {count} 个空白单元格按 0 计算',
      en: '{path}: {count} blank cells of {table} read as 0',
    },
  },
]
