import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`reports\` ADD \`sources\` text;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` ADD \`version_sources\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`sources\`;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` DROP COLUMN \`version_sources\`;`)
}
