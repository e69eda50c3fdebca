import type { Field, PayloadRequest } from 'payload'
import { isAdminField } from '../access.ts'
import { ROLE_LABELS, ROLES } from '../roles.ts'
import { staticLabel } from '../labels.ts'
import type { XxgkSlugs } from '../slugs.ts'
import { noUserYet } from './hooks/firstUserIsAdmin.ts'

export function userFields(slugs: XxgkSlugs): Field[] {
  const adminOnly = isAdminField(slugs)
  return [
    {
      name: 'role',
      type: 'select',
      // not NOT NULL in the database: adding the column over existing users needs no default
      // (they act as `usersWithoutRole`, collections/users/index.ts); every new user gets one
      saveToJWT: true,
      admin: {
        description: {
          zh: '未设置角色的已有用户按插件选项 usersWithoutRole 处理（默认管理员）',
          en: 'Existing users without a role act with the plugin option usersWithoutRole (default admin)',
        },
      },
      validate: (value: unknown, { operation }: { operation?: string }) => (value || operation !== 'create' ? true : '请选择角色 / Choose a role'),
      label: { zh: '角色', en: 'Role' },
      options: ROLES.map((value) => ({ value, label: staticLabel(ROLE_LABELS[value]) })),
      // the very first user (Payload's create-first-user page) is the administrator
      defaultValue: async ({ req }: { req: PayloadRequest }) => ((await noUserYet(req, slugs.users)) ? 'admin' : 'editor'),
      access: { create: adminOnly, update: adminOnly },
    },
    {
      name: 'agency',
      type: 'relationship',
      relationTo: slugs.agencies,
      saveToJWT: true,
      label: { zh: '所属机关', en: 'Agency' },
      admin: {
        description: {
          zh: '监督员可查看该机关及全部下级机关的报告；填报员只能填报该机关的报告',
          en: "A supervisor reads this agency's reports and those of every agency below it; an editor writes this agency's reports only",
        },
      },
      access: { create: adminOnly, update: adminOnly },
    },
  ]
}
