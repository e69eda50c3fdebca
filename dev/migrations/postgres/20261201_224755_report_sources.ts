import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "reports" ADD COLUMN "sources" jsonb;
  ALTER TABLE "_reports_v" ADD COLUMN "version_sources" jsonb;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "reports" DROP COLUMN "sources";
  ALTER TABLE "_reports_v" DROP COLUMN "version_sources";`)
}
