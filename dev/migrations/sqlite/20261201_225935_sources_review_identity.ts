import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`agencies\` ADD \`identity\` text;`)
  // existing agencies get their identity (parent id / name, as collections/agencies keeps it) before it becomes unique
  await db.run(sql`UPDATE \`agencies\` SET \`identity\` = coalesce(\`parent_id\`, '') || '/' || trim(\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`agencies_identity_idx\` ON \`agencies\` (\`identity\`);`)
  await db.run(sql`ALTER TABLE \`reports\` ADD \`sources\` text;`)
  await db.run(sql`ALTER TABLE \`reports\` ADD \`blank_count\` numeric;`)
  await db.run(sql`ALTER TABLE \`reports\` ADD \`computed\` text;`)
  await db.run(sql`ALTER TABLE \`reports\` ADD \`review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`reports\` ADD \`review_history\` text;`)
  await db.run(sql`ALTER TABLE \`reports\` ADD \`review_comments\` text;`)
  await db.run(sql`CREATE INDEX \`reports_review_status_idx\` ON \`reports\` (\`review_status\`);`)
  await db.run(sql`ALTER TABLE \`_reports_v\` ADD \`version_sources\` text;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` ADD \`version_blank_count\` numeric;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` ADD \`version_computed\` text;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` ADD \`version_review_status\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_reports_v\` ADD \`version_review_history\` text;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` ADD \`version_review_comments\` text;`)
  await db.run(sql`CREATE INDEX \`_reports_v_version_version_review_status_idx\` ON \`_reports_v\` (\`version_review_status\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`agencies_identity_idx\`;`)
  await db.run(sql`ALTER TABLE \`agencies\` DROP COLUMN \`identity\`;`)
  await db.run(sql`DROP INDEX \`reports_review_status_idx\`;`)
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`sources\`;`)
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`blank_count\`;`)
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`computed\`;`)
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`review_status\`;`)
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`review_history\`;`)
  await db.run(sql`ALTER TABLE \`reports\` DROP COLUMN \`review_comments\`;`)
  await db.run(sql`DROP INDEX \`_reports_v_version_version_review_status_idx\`;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` DROP COLUMN \`version_sources\`;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` DROP COLUMN \`version_blank_count\`;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` DROP COLUMN \`version_computed\`;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` DROP COLUMN \`version_review_status\`;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` DROP COLUMN \`version_review_history\`;`)
  await db.run(sql`ALTER TABLE \`_reports_v\` DROP COLUMN \`version_review_comments\`;`)
}
