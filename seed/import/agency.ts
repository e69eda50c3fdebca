import { AGENCY_KIND_LABELS, AGENCY_LEVEL_LABELS } from '../../collections/index.ts'
import type { AGENCY_KINDS, AGENCY_LEVELS } from '../../collections/index.ts'
import type { Label } from '@xxgk/schema'

type Kind = (typeof AGENCY_KINDS)[number]
type Level = (typeof AGENCY_LEVELS)[number]

export interface AgencyGuess {
  kind: Kind | null
  level: Level | null
  /** What was guessed and why, or why nothing was: shown in the import summary. */
  note: Label
}

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市'])

/** The level of a people's government from the division its name ends with; null where a name fits two levels. */
function governmentLevel(division: string): Level | null {
  if (MUNICIPALITIES.has(division)) return 'province'
  if (/(省|自治区)$/.test(division)) return 'province'
  if (/(自治州|地区|盟)$/.test(division)) return 'city'
  if (/(县|旗)$/.test(division)) return 'county'
  // a district (市辖区) is county level; 区 after 地 (地区) was taken above
  if (/区$/.test(division)) return 'county'
  if (/(乡|镇|苏木)$/.test(division)) return 'township'
  // XX市 is a prefecture-level city or a county-level city: the name alone cannot tell
  return null
}

/** Departments by the ending of their name; 管理委员会 (zones) and 村/居民委员会 are not departments. */
const DEPARTMENT = /(局|厅|办公室|办公厅|委员会)$/
const NOT_DEPARTMENT = /(管理委员会|村民委员会|居民委员会)$/

/**
 * Kind and level of an agency the importer creates, from its name, only where the name settles
 * them: `…人民政府` is a people's government, and its level follows from the division
 * (…乡/镇 township, …县/区 county, …省/自治区 and the four municipalities province, …自治州
 * city); `…局/厅/办公室/委员会` is a department (its level is left blank: 上海市 departments
 * are provincial). Anything else stays blank for a person to complete.
 */
export function guessAgency(name: string): AgencyGuess {
  const trimmed = name.trim()
  if (trimmed.endsWith('人民政府') && trimmed.length > '人民政府'.length) {
    const level = governmentLevel(trimmed.slice(0, -'人民政府'.length))
    const kind = AGENCY_KIND_LABELS.government
    if (!level) {
      return {
        kind: 'government',
        level: null,
        note: {
          zh: `按名称推定类型为“${kind.zh}”；层级无法从名称确定（地级市还是县级市），请在“机关”中补充`,
          en: `kind “${kind.en}” guessed from the name; the level cannot be told from the name (prefecture- or county-level city): please complete it under Agencies`,
        },
      }
    }
    const levelLabel = AGENCY_LEVEL_LABELS[level]
    return {
      kind: 'government',
      level,
      note: {
        zh: `按名称推定：类型“${kind.zh}”，层级“${levelLabel.zh}”`,
        en: `guessed from the name: kind “${kind.en}”, level “${levelLabel.en}”`,
      },
    }
  }
  if (DEPARTMENT.test(trimmed) && !NOT_DEPARTMENT.test(trimmed)) {
    const kind = AGENCY_KIND_LABELS.department
    return {
      kind: 'department',
      level: null,
      note: {
        zh: `按名称推定类型为“${kind.zh}”；层级未推定，请在“机关”中补充`,
        en: `kind “${kind.en}” guessed from the name; level not guessed: please complete it under Agencies`,
      },
    }
  }
  return {
    kind: null,
    level: null,
    note: {
      zh: '类型和层级无法从名称确定，已留空，请在“机关”中补充',
      en: 'kind and level cannot be told from the name and were left blank: please complete them under Agencies',
    },
  }
}
