/** Character-level helpers shared by the readers. */

export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
export const CN_NUMERALS = '〇一二三四五六七八九十'

/** Full-width ASCII (digits, letters, punctuation) and the ideographic space made half-width. */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
}

/** Characters kept when comparing labels: CJK, letters, digits. Punctuation and spacing are noise. */
const LABEL_CHAR = /[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]/

/**
 * A label-comparison form of `text`: half-width, only CJK/letters/digits. `map[i]` is the
 * offset in `text` of the i-th character kept.
 */
export function compactWithMap(text: string): { s: string; map: number[] } {
  const map: number[] = []
  let s = ''
  for (let i = 0; i < text.length; i++) {
    let c = text[i]!
    const code = c.charCodeAt(0)
    if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0)
    if (!LABEL_CHAR.test(c)) continue
    s += c
    map.push(i)
  }
  return { s, map }
}

const NOT_LABEL_CHAR = /[^\u3400-\u9fff\uf900-\ufaffA-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+/g

export function compactLabel(text: string): string {
  return halfWidth(text.replace(NOT_LABEL_CHAR, ''))
}

/** Whitespace removed (the form `textStartsWith` and TEXT.MATCH compare in). */
export function noSpace(text: string): string {
  return text.replace(/\s+/g, '')
}

export function cnNumeralValue(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text)
  const digits = [...text].map((c) => CN_NUMERALS.indexOf(c))
  if (digits.some((d) => d < 0)) return null
  if (digits.length === 1) return digits[0]!
  // 十, 十一, 二十, 二十一
  const ten = text.indexOf('十')
  if (ten < 0) return null
  const tens = ten === 0 ? 1 : CN_NUMERALS.indexOf(text[ten - 1]!)
  const units = ten === text.length - 1 ? 0 : CN_NUMERALS.indexOf(text[ten + 1]!)
  return tens * 10 + units
}

export function cnNumeral(n: number): string {
  if (n <= 10) return CN_NUMERALS[n]!
  if (n < 20) return `十${CN_NUMERALS[n - 10]}`
  return `${CN_NUMERALS[Math.floor(n / 10)]}十${n % 10 ? CN_NUMERALS[n % 10] : ''}`
}

/**
 * CJK Radicals Supplement characters (⺠ U+2EA0, ⻔ U+2ED4 …) as the ideographs they stand for.
 * PDF fonts (Noto CJK among them) map some ideographs to these code points; Unicode gives them
 * no decomposition, hence this table (pairs: radical, ideograph).
 */
const RADICAL_PAIRS =
  '⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺉刂⺊卜⺋㔾⺌小⺍小⺎尢⺏尣⺐尢⺑尣⺒巳⺓幺⺔彑⺕彐⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺪疋⺫目⺬示⺭礻⺮竹⺯糸⺰纟⺱罒⺲罒⺳㓁⺶羊⺷羊⺹耂⺺肀⺻聿⺼月⺽臼⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻊足⻋车⻌辶⻍辶⻎辶⻏阝⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻡首⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟'
const RADICALS = new Map<string, string>()
for (let i = 0; i < RADICAL_PAIRS.length; i += 2) RADICALS.set(RADICAL_PAIRS[i]!, RADICAL_PAIRS[i + 1]!)

/**
 * Kangxi radicals (⼀ U+2F00 …), radical supplements and compatibility ideographs that PDF
 * fonts map some characters to, made the ordinary CJK characters they stand for. Other text is
 * left as printed (full-width punctuation stays full-width).
 */
export function unifyIdeographs(text: string): string {
  return text.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (c) => RADICALS.get(c) ?? c.normalize('NFKC'))
}
