/**
 * The plugin's admin texts in Chinese (the default) and English, in the shape Payload plugins
 * ship them: `{ [language]: { xxgk: { key: text } } }`, merged into `config.i18n.translations`
 * and read in components with `t('xxgk:key')`. Placeholders use Payload's `{{name}}` syntax.
 * Labels of rows, cells, rules and editions are not here: they come from src/editions and the
 * rules (one place for every label of the form).
 */

const zh = {
  // table grid
  gridHint: 'Tab / Shift+Tab、方向键在单元格间移动；直接输入即替换，回车下移，F2 修改；可从 Excel 或 Word 粘贴一行或一块',
  gridEdition: '按{{edition}}（{{source}}）填写',
  computedTotal: '计算值 {{value}}（留空则保存时自动填入）',
  invalidInput: '“{{text}}”不是有效的值：应为{{expected}}或空白',
  pasted: '已粘贴 {{count}} 个单元格',
  pasteOutside: '{{count}} 个值超出表格范围，未粘贴',
  pasteInvalid: '{{count}} 个值无法识别为数字，未粘贴：{{list}}',
  pasteNothing: '剪贴板中没有可粘贴的表格数据',
  // import ambiguities on cells
  ambiguityTitle: '导入时无法唯一确定，请核对',
  ambiguityChosen: '当前采用：{{value}}',
  ambiguityCandidates: '可能的读法：',
  ambiguityConfirm: '确认当前值',
  ambiguityUse: '采用此读法',
  ambiguityNone: '（未采用任何读法）',
  ambiguitiesOpen: '导入时的歧义：{{count}} 处待确认',
  // validation tab
  validationTitle: '校验',
  validationLive: '按当前编辑内容实时校验，未保存的修改也已计入。',
  validationSummary: '{{errors}} 个错误，{{warnings}} 个提示',
  validationClean: '没有发现问题，可以发布。',
  validationBlocks: '有错误的报告可以保存为草稿，但不能发布。',
  validationErrors: '错误',
  validationWarnings: '提示',
  severityError: '错误',
  severityWarning: '提示',
  columnSeverity: '级别',
  columnRule: '规则',
  columnCell: '单元格',
  columnMessage: '说明',
  goToCell: '定位',
  blankCells: '空白单元格按 0 计算（{{count}} 个）',
  crossReport: '与上年度报告的对照',
  previousFound: '对照的上年度报告：{{title}}',
  previousMissing: '没有找到本机关 {{year}} 年度的报告，跨年度规则（上年结转、现行有效件数）未执行。',
  previousLoading: '正在查找上年度报告…',
  crossReportClean: '与上年度报告一致。',
  reportNotReady: '请先选择格式版本。',
  // list view
  noIssuesCell: '无',
  errorsCell: '{{count}} 个错误',
  warningsCell: '{{count}} 个提示',
  // the `_one` forms: Payload's t() (and translate below) take them when count is 1
  errorsCell_one: '{{count}} 个错误',
  warningsCell_one: '{{count}} 个提示',
  blanksCell: '{{count}} 个空白',
  // dashboard
  dashboardTitle: '年度报告总览',
  dashboardNav: '年度报告总览',
  dashboardIntro: '{{year}} 年度：下级机关年度报告的发布情况',
  dashboardYear: '年度',
  dashboardAgency: '机关',
  dashboardState: '状态',
  dashboardDue: '公布期限',
  dashboardPublishedAt: '公布日期',
  dashboardErrors: '错误',
  dashboardWarnings: '提示',
  dashboardOpen: '打开',
  dashboardNoAgencies: '您可以查看的机关中没有下级机关。',
  dashboardNoAccess: '只有管理员和监督人员可以查看本页。',
  statePublished: '已按时发布',
  statePublishedLate: '已发布（逾期）',
  stateDraftWithErrors: '草稿，有错误',
  stateDraft: '草稿',
  stateMissing: '尚未提交',
  stateOverdue: '逾期未发布',
  chartTitle: '各年度依申请公开办理结果（已发布报告合计）',
  chartEmpty: '尚无已发布的报告。',
  chartReceived: '本年新收申请',
  // export
  exportTitle: '导出',
  exportHtml: '网页 HTML',
  exportXlsx: 'Excel 表格',
  exportJson: 'JSON 数据',
  exportTxt: '纯文本',
  exportSaveFirst: '导出的是已保存的内容；请先保存修改。',
  exportNotSaved: '保存后可导出。',
  // import
  importTitle: '导入年度报告',
  importHint: '上传 PDF、网页（HTML）、文本、Markdown、Word 或 Excel 文件；导入后生成草稿，歧义之处在表格中标出，请逐一核对。',
  importChoose: '选择文件',
  importDrop: '或将文件拖到这里',
  importSubmit: '导入',
  importBusy: '正在导入…',
  importDone: '已导入，正在打开草稿…',
  importFailed: '导入失败：{{message}}',
  importNoFile: '请先选择文件。',
  importAmbiguities: '{{count}} 处歧义待确认',
  // the next year's report
  nextYear: '新建下一年度报告',
  nextYearFrom: '新建下一年度报告（{{year}} 年度，从 {{from}} 年度结转）',
  nextYearFailed: '无法新建下一年度报告：{{message}}',
  takePrevious: '采用上年值 {{value}}',
  blankCellsIn: '{{table}}：{{count}} 个空白单元格按 0 计算',
  validationBlanks: '{{count}} 个空白按 0 计',
} as const

export type XxgkTranslationKey = keyof typeof zh

const en: Record<XxgkTranslationKey, string> = {
  gridHint:
    'Tab / Shift+Tab and the arrow keys move between cells; typing replaces a cell, Enter moves down, F2 edits; paste a row or block from Excel or Word',
  gridEdition: 'Filled in on the {{edition}} ({{source}})',
  computedTotal: 'Computed {{value}} (filled in on save when left blank)',
  invalidInput: '“{{text}}” is not a valid value: expected {{expected}} or blank',
  pasted: 'Pasted {{count}} cells',
  pasteOutside: '{{count}} values fell outside the table and were not pasted',
  pasteInvalid: '{{count}} values are not numbers and were not pasted: {{list}}',
  pasteNothing: 'The clipboard holds no table data to paste',
  ambiguityTitle: 'The importer could not read this unambiguously: please check',
  ambiguityChosen: 'Currently used: {{value}}',
  ambiguityCandidates: 'Possible readings:',
  ambiguityConfirm: 'Confirm current value',
  ambiguityUse: 'Use this reading',
  ambiguityNone: '(no reading used)',
  ambiguitiesOpen: 'Import ambiguities: {{count}} to confirm',
  validationTitle: 'Validation',
  validationLive: 'Checked live against what is in the form, unsaved changes included.',
  validationSummary: 'Errors: {{errors}}, warnings: {{warnings}}',
  validationClean: 'No issues found: ready to publish.',
  validationBlocks: 'A report with errors can be saved as a draft but not published.',
  validationErrors: 'Errors',
  validationWarnings: 'Warnings',
  severityError: 'Error',
  severityWarning: 'Warning',
  columnSeverity: 'Severity',
  columnRule: 'Rule',
  columnCell: 'Cell',
  columnMessage: 'Message',
  goToCell: 'Go to cell',
  blankCells: 'Blank cells read as 0 ({{count}})',
  crossReport: 'Against last year’s report',
  previousFound: 'Last year’s report compared: {{title}}',
  previousMissing: 'No report of this agency for {{year}} was found; the cross-year rules (carried over, documents in force) did not run.',
  previousLoading: 'Looking for last year’s report…',
  crossReportClean: 'Consistent with last year’s report.',
  reportNotReady: 'Choose the format edition first.',
  noIssuesCell: 'None',
  errorsCell: '{{count}} errors',
  warningsCell: '{{count}} warnings',
  errorsCell_one: '{{count}} error',
  warningsCell_one: '{{count}} warning',
  blanksCell: '{{count}} blank',
  dashboardTitle: 'Annual reports overview',
  dashboardNav: 'Reports overview',
  dashboardIntro: '{{year}}: annual reports of the agencies below yours',
  dashboardYear: 'Year',
  dashboardAgency: 'Agency',
  dashboardState: 'State',
  dashboardDue: 'Due',
  dashboardPublishedAt: 'Published',
  dashboardErrors: 'Errors',
  dashboardWarnings: 'Warnings',
  dashboardOpen: 'Open',
  dashboardNoAgencies: 'There are no agencies below yours that you can see.',
  dashboardNoAccess: 'Only administrators and supervisors can see this page.',
  statePublished: 'Published on time',
  statePublishedLate: 'Published late',
  stateDraftWithErrors: 'Draft with errors',
  stateDraft: 'Draft',
  stateMissing: 'Not yet submitted',
  stateOverdue: 'Overdue',
  chartTitle: 'Requests by outcome across years (published reports)',
  chartEmpty: 'No published reports yet.',
  chartReceived: 'New requests received',
  exportTitle: 'Export',
  exportHtml: 'HTML web page',
  exportXlsx: 'Excel workbook',
  exportJson: 'JSON data',
  exportTxt: 'Plain text',
  exportSaveFirst: 'Exports contain what is saved: save your changes first.',
  exportNotSaved: 'Save the report to export it.',
  importTitle: 'Import an annual report',
  importHint:
    'Upload a PDF, web page (HTML), text, Markdown, Word or Excel file; it becomes a draft whose ambiguous cells are marked in the tables for you to check.',
  importChoose: 'Choose a file',
  importDrop: 'or drop a file here',
  importSubmit: 'Import',
  importBusy: 'Importing…',
  importDone: 'Imported; opening the draft…',
  importFailed: 'Import failed: {{message}}',
  importNoFile: 'Choose a file first.',
  importAmbiguities: '{{count}} ambiguities to confirm',
  nextYear: 'New report for the next year',
  nextYearFrom: 'New report for {{year}} (carried over from {{from}})',
  nextYearFailed: 'Could not create the next year’s report: {{message}}',
  takePrevious: 'Use last year’s value {{value}}',
  blankCellsIn: '{{table}}: {{count}} blank cells read as 0',
  validationBlanks: '{{count}} blank cells read as 0',
}

export const XXGK_NAMESPACE = 'xxgk'

/** The plugin's translations, to merge into `config.i18n.translations`. */
export const xxgkTranslations = {
  zh: { [XXGK_NAMESPACE]: zh as Record<XxgkTranslationKey, string> },
  en: { [XXGK_NAMESPACE]: en },
}

export type AdminLang = 'zh' | 'en'

/** The plugin shows Chinese unless the admin's language is English. */
export function adminLang(language: string | undefined | null): AdminLang {
  return language === 'en' || language?.startsWith('en-') ? 'en' : 'zh'
}

/** `{{name}}` placeholders filled, as Payload's `t` does. */
export function translate(lang: AdminLang, key: XxgkTranslationKey, vars: Record<string, string | number> = {}): string {
  const table = xxgkTranslations[lang][XXGK_NAMESPACE] as Record<string, string>
  const template = (vars.count === 1 ? table[`${key}_one`] : undefined) ?? table[key]!
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

type Translations = Record<string, Record<string, unknown>>

/** Deep merge of translation objects; `override` (the host's own i18n) wins. */
export function mergeTranslations(base: Translations, override: Translations | undefined): Translations {
  const merged: Translations = { ...base }
  for (const [lang, value] of Object.entries(override ?? {})) {
    merged[lang] = deepMerge(merged[lang] ?? {}, value)
  }
  return merged
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a }
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key]
    out[key] = isPlainObject(prev) && isPlainObject(value) ? deepMerge(prev, value) : value
  }
  return out
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
