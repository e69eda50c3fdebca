import type { Label } from '@xxgk/schema'

export const ROLES = ['admin', 'supervisor', 'editor'] as const
export type Role = (typeof ROLES)[number]

/** Where the users collection keeps the role of users without one (its `custom`), for roleOf(). */
export const USERS_WITHOUT_ROLE_KEY = 'xxgkUsersWithoutRole'

export const ROLE_LABELS: Record<Role, Label> = {
  admin: { zh: '管理员', en: 'Administrator' },
  supervisor: { zh: '监督员（只读本机关及下级机关）', en: 'Supervisor (reads its agency and those below)' },
  editor: { zh: '填报员（本机关报告）', en: "Editor (its own agency's reports)" },
}

export const AGENCY_KINDS = ['government', 'department', 'other'] as const
export const AGENCY_KIND_LABELS: Record<(typeof AGENCY_KINDS)[number], Label> = {
  government: { zh: '人民政府', en: "People's government" },
  department: { zh: '政府部门', en: 'Government department' },
  other: { zh: '其他', en: 'Other' },
}

export const AGENCY_LEVELS = ['province', 'city', 'county', 'township'] as const
export const AGENCY_LEVEL_LABELS: Record<(typeof AGENCY_LEVELS)[number], Label> = {
  province: { zh: '省', en: 'Province' },
  city: { zh: '市', en: 'City' },
  county: { zh: '县', en: 'County' },
  township: { zh: '乡', en: 'Township' },
}
