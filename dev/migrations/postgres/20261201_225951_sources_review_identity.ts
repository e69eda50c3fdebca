import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_reports_review_status" AS ENUM('draft', 'submitted', 'returned', 'approved', 'published');
  CREATE TYPE "public"."enum__reports_v_version_review_status" AS ENUM('draft', 'submitted', 'returned', 'approved', 'published');
  ALTER TABLE "agencies" ADD COLUMN "identity" varchar;
  ALTER TABLE "reports" ADD COLUMN "sources" jsonb;
  ALTER TABLE "reports" ADD COLUMN "blank_count" numeric;
  ALTER TABLE "reports" ADD COLUMN "computed" jsonb;
  ALTER TABLE "reports" ADD COLUMN "review_status" "enum_reports_review_status" DEFAULT 'draft';
  ALTER TABLE "reports" ADD COLUMN "review_history" jsonb;
  ALTER TABLE "reports" ADD COLUMN "review_comments" jsonb;
  ALTER TABLE "_reports_v" ADD COLUMN "version_sources" jsonb;
  ALTER TABLE "_reports_v" ADD COLUMN "version_blank_count" numeric;
  ALTER TABLE "_reports_v" ADD COLUMN "version_computed" jsonb;
  ALTER TABLE "_reports_v" ADD COLUMN "version_review_status" "enum__reports_v_version_review_status" DEFAULT 'draft';
  ALTER TABLE "_reports_v" ADD COLUMN "version_review_history" jsonb;
  ALTER TABLE "_reports_v" ADD COLUMN "version_review_comments" jsonb;
  -- existing agencies get their identity (parent id / name, as collections/agencies keeps it) before it becomes unique
  UPDATE "agencies" SET "identity" = coalesce("parent_id"::text, '') || '/' || btrim("name");
  CREATE UNIQUE INDEX "agencies_identity_idx" ON "agencies" USING btree ("identity");
  CREATE INDEX "reports_review_status_idx" ON "reports" USING btree ("review_status");
  CREATE INDEX "_reports_v_version_version_review_status_idx" ON "_reports_v" USING btree ("version_review_status");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "agencies_identity_idx";
  DROP INDEX "reports_review_status_idx";
  DROP INDEX "_reports_v_version_version_review_status_idx";
  ALTER TABLE "agencies" DROP COLUMN "identity";
  ALTER TABLE "reports" DROP COLUMN "sources";
  ALTER TABLE "reports" DROP COLUMN "blank_count";
  ALTER TABLE "reports" DROP COLUMN "computed";
  ALTER TABLE "reports" DROP COLUMN "review_status";
  ALTER TABLE "reports" DROP COLUMN "review_history";
  ALTER TABLE "reports" DROP COLUMN "review_comments";
  ALTER TABLE "_reports_v" DROP COLUMN "version_sources";
  ALTER TABLE "_reports_v" DROP COLUMN "version_blank_count";
  ALTER TABLE "_reports_v" DROP COLUMN "version_computed";
  ALTER TABLE "_reports_v" DROP COLUMN "version_review_status";
  ALTER TABLE "_reports_v" DROP COLUMN "version_review_history";
  ALTER TABLE "_reports_v" DROP COLUMN "version_review_comments";
  DROP TYPE "public"."enum_reports_review_status";
  DROP TYPE "public"."enum__reports_v_version_review_status";`)
}
