import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_agencies_kind" AS ENUM('government', 'department', 'other');
  CREATE TYPE "public"."enum_agencies_level" AS ENUM('province', 'city', 'county', 'township');
  CREATE TYPE "public"."enum_reports_edition" AS ENUM('2019', '2021');
  CREATE TYPE "public"."enum_reports_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__reports_v_version_edition" AS ENUM('2019', '2021');
  CREATE TYPE "public"."enum__reports_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_users_role" AS ENUM('admin', 'supervisor', 'editor');
  CREATE TABLE "agencies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"kind" "enum_agencies_kind",
  	"level" "enum_agencies_level",
  	"code" varchar,
  	"parent_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"text_overview" jsonb,
  	"text_problems" jsonb,
  	"text_other" jsonb,
  	"proactive_regulations_issued" numeric,
  	"proactive_regulations_repealed" numeric,
  	"proactive_regulations_in_force" numeric,
  	"proactive_regulations_made" numeric,
  	"proactive_regulations_published" numeric,
  	"proactive_regulations_total" numeric,
  	"proactive_normative_documents_issued" numeric,
  	"proactive_normative_documents_repealed" numeric,
  	"proactive_normative_documents_in_force" numeric,
  	"proactive_normative_documents_made" numeric,
  	"proactive_normative_documents_published" numeric,
  	"proactive_normative_documents_total" numeric,
  	"proactive_licensing_last_year" numeric,
  	"proactive_licensing_change" numeric,
  	"proactive_licensing_decisions" numeric,
  	"proactive_other_services_last_year" numeric,
  	"proactive_other_services_change" numeric,
  	"proactive_other_services_decisions" numeric,
  	"proactive_punishment_last_year" numeric,
  	"proactive_punishment_change" numeric,
  	"proactive_punishment_decisions" numeric,
  	"proactive_coercion_last_year" numeric,
  	"proactive_coercion_change" numeric,
  	"proactive_coercion_decisions" numeric,
  	"proactive_fees_amount" numeric,
  	"proactive_fees_last_year" numeric,
  	"proactive_fees_change" numeric,
  	"proactive_procurement_projects" numeric,
  	"proactive_procurement_amount" numeric,
  	"requests_received_natural" numeric,
  	"requests_received_commercial" numeric,
  	"requests_received_research" numeric,
  	"requests_received_nonprofit" numeric,
  	"requests_received_legal" numeric,
  	"requests_received_other_org" numeric,
  	"requests_received_total" numeric,
  	"requests_carried_over_natural" numeric,
  	"requests_carried_over_commercial" numeric,
  	"requests_carried_over_research" numeric,
  	"requests_carried_over_nonprofit" numeric,
  	"requests_carried_over_legal" numeric,
  	"requests_carried_over_other_org" numeric,
  	"requests_carried_over_total" numeric,
  	"requests_granted_natural" numeric,
  	"requests_granted_commercial" numeric,
  	"requests_granted_research" numeric,
  	"requests_granted_nonprofit" numeric,
  	"requests_granted_legal" numeric,
  	"requests_granted_other_org" numeric,
  	"requests_granted_total" numeric,
  	"requests_partially_granted_natural" numeric,
  	"requests_partially_granted_commercial" numeric,
  	"requests_partially_granted_research" numeric,
  	"requests_partially_granted_nonprofit" numeric,
  	"requests_partially_granted_legal" numeric,
  	"requests_partially_granted_other_org" numeric,
  	"requests_partially_granted_total" numeric,
  	"requests_withheld_state_secret_natural" numeric,
  	"requests_withheld_state_secret_commercial" numeric,
  	"requests_withheld_state_secret_research" numeric,
  	"requests_withheld_state_secret_nonprofit" numeric,
  	"requests_withheld_state_secret_legal" numeric,
  	"requests_withheld_state_secret_other_org" numeric,
  	"requests_withheld_state_secret_total" numeric,
  	"requests_withheld_law_prohibited_natural" numeric,
  	"requests_withheld_law_prohibited_commercial" numeric,
  	"requests_withheld_law_prohibited_research" numeric,
  	"requests_withheld_law_prohibited_nonprofit" numeric,
  	"requests_withheld_law_prohibited_legal" numeric,
  	"requests_withheld_law_prohibited_other_org" numeric,
  	"requests_withheld_law_prohibited_total" numeric,
  	"requests_withheld_security_stability_natural" numeric,
  	"requests_withheld_security_stability_commercial" numeric,
  	"requests_withheld_security_stability_research" numeric,
  	"requests_withheld_security_stability_nonprofit" numeric,
  	"requests_withheld_security_stability_legal" numeric,
  	"requests_withheld_security_stability_other_org" numeric,
  	"requests_withheld_security_stability_total" numeric,
  	"requests_withheld_third_party_natural" numeric,
  	"requests_withheld_third_party_commercial" numeric,
  	"requests_withheld_third_party_research" numeric,
  	"requests_withheld_third_party_nonprofit" numeric,
  	"requests_withheld_third_party_legal" numeric,
  	"requests_withheld_third_party_other_org" numeric,
  	"requests_withheld_third_party_total" numeric,
  	"requests_withheld_internal_affairs_natural" numeric,
  	"requests_withheld_internal_affairs_commercial" numeric,
  	"requests_withheld_internal_affairs_research" numeric,
  	"requests_withheld_internal_affairs_nonprofit" numeric,
  	"requests_withheld_internal_affairs_legal" numeric,
  	"requests_withheld_internal_affairs_other_org" numeric,
  	"requests_withheld_internal_affairs_total" numeric,
  	"requests_withheld_process_info_natural" numeric,
  	"requests_withheld_process_info_commercial" numeric,
  	"requests_withheld_process_info_research" numeric,
  	"requests_withheld_process_info_nonprofit" numeric,
  	"requests_withheld_process_info_legal" numeric,
  	"requests_withheld_process_info_other_org" numeric,
  	"requests_withheld_process_info_total" numeric,
  	"requests_withheld_enforcement_files_natural" numeric,
  	"requests_withheld_enforcement_files_commercial" numeric,
  	"requests_withheld_enforcement_files_research" numeric,
  	"requests_withheld_enforcement_files_nonprofit" numeric,
  	"requests_withheld_enforcement_files_legal" numeric,
  	"requests_withheld_enforcement_files_other_org" numeric,
  	"requests_withheld_enforcement_files_total" numeric,
  	"requests_withheld_admin_query_natural" numeric,
  	"requests_withheld_admin_query_commercial" numeric,
  	"requests_withheld_admin_query_research" numeric,
  	"requests_withheld_admin_query_nonprofit" numeric,
  	"requests_withheld_admin_query_legal" numeric,
  	"requests_withheld_admin_query_other_org" numeric,
  	"requests_withheld_admin_query_total" numeric,
  	"requests_unavailable_not_held_natural" numeric,
  	"requests_unavailable_not_held_commercial" numeric,
  	"requests_unavailable_not_held_research" numeric,
  	"requests_unavailable_not_held_nonprofit" numeric,
  	"requests_unavailable_not_held_legal" numeric,
  	"requests_unavailable_not_held_other_org" numeric,
  	"requests_unavailable_not_held_total" numeric,
  	"requests_unavailable_needs_creation_natural" numeric,
  	"requests_unavailable_needs_creation_commercial" numeric,
  	"requests_unavailable_needs_creation_research" numeric,
  	"requests_unavailable_needs_creation_nonprofit" numeric,
  	"requests_unavailable_needs_creation_legal" numeric,
  	"requests_unavailable_needs_creation_other_org" numeric,
  	"requests_unavailable_needs_creation_total" numeric,
  	"requests_unavailable_unclear_natural" numeric,
  	"requests_unavailable_unclear_commercial" numeric,
  	"requests_unavailable_unclear_research" numeric,
  	"requests_unavailable_unclear_nonprofit" numeric,
  	"requests_unavailable_unclear_legal" numeric,
  	"requests_unavailable_unclear_other_org" numeric,
  	"requests_unavailable_unclear_total" numeric,
  	"requests_not_processed_complaint_natural" numeric,
  	"requests_not_processed_complaint_commercial" numeric,
  	"requests_not_processed_complaint_research" numeric,
  	"requests_not_processed_complaint_nonprofit" numeric,
  	"requests_not_processed_complaint_legal" numeric,
  	"requests_not_processed_complaint_other_org" numeric,
  	"requests_not_processed_complaint_total" numeric,
  	"requests_not_processed_repeated_natural" numeric,
  	"requests_not_processed_repeated_commercial" numeric,
  	"requests_not_processed_repeated_research" numeric,
  	"requests_not_processed_repeated_nonprofit" numeric,
  	"requests_not_processed_repeated_legal" numeric,
  	"requests_not_processed_repeated_other_org" numeric,
  	"requests_not_processed_repeated_total" numeric,
  	"requests_not_processed_publication_natural" numeric,
  	"requests_not_processed_publication_commercial" numeric,
  	"requests_not_processed_publication_research" numeric,
  	"requests_not_processed_publication_nonprofit" numeric,
  	"requests_not_processed_publication_legal" numeric,
  	"requests_not_processed_publication_other_org" numeric,
  	"requests_not_processed_publication_total" numeric,
  	"requests_not_processed_excessive_natural" numeric,
  	"requests_not_processed_excessive_commercial" numeric,
  	"requests_not_processed_excessive_research" numeric,
  	"requests_not_processed_excessive_nonprofit" numeric,
  	"requests_not_processed_excessive_legal" numeric,
  	"requests_not_processed_excessive_other_org" numeric,
  	"requests_not_processed_excessive_total" numeric,
  	"requests_not_processed_confirmation_natural" numeric,
  	"requests_not_processed_confirmation_commercial" numeric,
  	"requests_not_processed_confirmation_research" numeric,
  	"requests_not_processed_confirmation_nonprofit" numeric,
  	"requests_not_processed_confirmation_legal" numeric,
  	"requests_not_processed_confirmation_other_org" numeric,
  	"requests_not_processed_confirmation_total" numeric,
  	"requests_other_handling_natural" numeric,
  	"requests_other_handling_commercial" numeric,
  	"requests_other_handling_research" numeric,
  	"requests_other_handling_nonprofit" numeric,
  	"requests_other_handling_legal" numeric,
  	"requests_other_handling_other_org" numeric,
  	"requests_other_handling_total" numeric,
  	"requests_other_handling_no_correction_natural" numeric,
  	"requests_other_handling_no_correction_commercial" numeric,
  	"requests_other_handling_no_correction_research" numeric,
  	"requests_other_handling_no_correction_nonprofit" numeric,
  	"requests_other_handling_no_correction_legal" numeric,
  	"requests_other_handling_no_correction_other_org" numeric,
  	"requests_other_handling_no_correction_total" numeric,
  	"requests_other_handling_unpaid_fee_natural" numeric,
  	"requests_other_handling_unpaid_fee_commercial" numeric,
  	"requests_other_handling_unpaid_fee_research" numeric,
  	"requests_other_handling_unpaid_fee_nonprofit" numeric,
  	"requests_other_handling_unpaid_fee_legal" numeric,
  	"requests_other_handling_unpaid_fee_other_org" numeric,
  	"requests_other_handling_unpaid_fee_total" numeric,
  	"requests_other_handling_other_natural" numeric,
  	"requests_other_handling_other_commercial" numeric,
  	"requests_other_handling_other_research" numeric,
  	"requests_other_handling_other_nonprofit" numeric,
  	"requests_other_handling_other_legal" numeric,
  	"requests_other_handling_other_other_org" numeric,
  	"requests_other_handling_other_total" numeric,
  	"requests_total_handled_natural" numeric,
  	"requests_total_handled_commercial" numeric,
  	"requests_total_handled_research" numeric,
  	"requests_total_handled_nonprofit" numeric,
  	"requests_total_handled_legal" numeric,
  	"requests_total_handled_other_org" numeric,
  	"requests_total_handled_total" numeric,
  	"requests_carried_forward_natural" numeric,
  	"requests_carried_forward_commercial" numeric,
  	"requests_carried_forward_research" numeric,
  	"requests_carried_forward_nonprofit" numeric,
  	"requests_carried_forward_legal" numeric,
  	"requests_carried_forward_other_org" numeric,
  	"requests_carried_forward_total" numeric,
  	"review_litigation_review_upheld" numeric,
  	"review_litigation_review_corrected" numeric,
  	"review_litigation_review_other" numeric,
  	"review_litigation_review_pending" numeric,
  	"review_litigation_review_total" numeric,
  	"review_litigation_litigation_direct_upheld" numeric,
  	"review_litigation_litigation_direct_corrected" numeric,
  	"review_litigation_litigation_direct_other" numeric,
  	"review_litigation_litigation_direct_pending" numeric,
  	"review_litigation_litigation_direct_total" numeric,
  	"review_litigation_litigation_after_review_upheld" numeric,
  	"review_litigation_litigation_after_review_corrected" numeric,
  	"review_litigation_litigation_after_review_other" numeric,
  	"review_litigation_litigation_after_review_pending" numeric,
  	"review_litigation_litigation_after_review_total" numeric,
  	"issues" jsonb,
  	"ambiguities" jsonb,
  	"agency_id" integer,
  	"year" numeric,
  	"edition" "enum_reports_edition" DEFAULT '2021',
  	"published_at" timestamp(3) with time zone,
  	"error_count" numeric,
  	"warning_count" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_reports_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_reports_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_text_overview" jsonb,
  	"version_text_problems" jsonb,
  	"version_text_other" jsonb,
  	"version_proactive_regulations_issued" numeric,
  	"version_proactive_regulations_repealed" numeric,
  	"version_proactive_regulations_in_force" numeric,
  	"version_proactive_regulations_made" numeric,
  	"version_proactive_regulations_published" numeric,
  	"version_proactive_regulations_total" numeric,
  	"version_proactive_normative_documents_issued" numeric,
  	"version_proactive_normative_documents_repealed" numeric,
  	"version_proactive_normative_documents_in_force" numeric,
  	"version_proactive_normative_documents_made" numeric,
  	"version_proactive_normative_documents_published" numeric,
  	"version_proactive_normative_documents_total" numeric,
  	"version_proactive_licensing_last_year" numeric,
  	"version_proactive_licensing_change" numeric,
  	"version_proactive_licensing_decisions" numeric,
  	"version_proactive_other_services_last_year" numeric,
  	"version_proactive_other_services_change" numeric,
  	"version_proactive_other_services_decisions" numeric,
  	"version_proactive_punishment_last_year" numeric,
  	"version_proactive_punishment_change" numeric,
  	"version_proactive_punishment_decisions" numeric,
  	"version_proactive_coercion_last_year" numeric,
  	"version_proactive_coercion_change" numeric,
  	"version_proactive_coercion_decisions" numeric,
  	"version_proactive_fees_amount" numeric,
  	"version_proactive_fees_last_year" numeric,
  	"version_proactive_fees_change" numeric,
  	"version_proactive_procurement_projects" numeric,
  	"version_proactive_procurement_amount" numeric,
  	"version_requests_received_natural" numeric,
  	"version_requests_received_commercial" numeric,
  	"version_requests_received_research" numeric,
  	"version_requests_received_nonprofit" numeric,
  	"version_requests_received_legal" numeric,
  	"version_requests_received_other_org" numeric,
  	"version_requests_received_total" numeric,
  	"version_requests_carried_over_natural" numeric,
  	"version_requests_carried_over_commercial" numeric,
  	"version_requests_carried_over_research" numeric,
  	"version_requests_carried_over_nonprofit" numeric,
  	"version_requests_carried_over_legal" numeric,
  	"version_requests_carried_over_other_org" numeric,
  	"version_requests_carried_over_total" numeric,
  	"version_requests_granted_natural" numeric,
  	"version_requests_granted_commercial" numeric,
  	"version_requests_granted_research" numeric,
  	"version_requests_granted_nonprofit" numeric,
  	"version_requests_granted_legal" numeric,
  	"version_requests_granted_other_org" numeric,
  	"version_requests_granted_total" numeric,
  	"version_requests_partially_granted_natural" numeric,
  	"version_requests_partially_granted_commercial" numeric,
  	"version_requests_partially_granted_research" numeric,
  	"version_requests_partially_granted_nonprofit" numeric,
  	"version_requests_partially_granted_legal" numeric,
  	"version_requests_partially_granted_other_org" numeric,
  	"version_requests_partially_granted_total" numeric,
  	"version_requests_withheld_state_secret_natural" numeric,
  	"version_requests_withheld_state_secret_commercial" numeric,
  	"version_requests_withheld_state_secret_research" numeric,
  	"version_requests_withheld_state_secret_nonprofit" numeric,
  	"version_requests_withheld_state_secret_legal" numeric,
  	"version_requests_withheld_state_secret_other_org" numeric,
  	"version_requests_withheld_state_secret_total" numeric,
  	"version_requests_withheld_law_prohibited_natural" numeric,
  	"version_requests_withheld_law_prohibited_commercial" numeric,
  	"version_requests_withheld_law_prohibited_research" numeric,
  	"version_requests_withheld_law_prohibited_nonprofit" numeric,
  	"version_requests_withheld_law_prohibited_legal" numeric,
  	"version_requests_withheld_law_prohibited_other_org" numeric,
  	"version_requests_withheld_law_prohibited_total" numeric,
  	"version_requests_withheld_security_stability_natural" numeric,
  	"version_requests_withheld_security_stability_commercial" numeric,
  	"version_requests_withheld_security_stability_research" numeric,
  	"version_requests_withheld_security_stability_nonprofit" numeric,
  	"version_requests_withheld_security_stability_legal" numeric,
  	"version_requests_withheld_security_stability_other_org" numeric,
  	"version_requests_withheld_security_stability_total" numeric,
  	"version_requests_withheld_third_party_natural" numeric,
  	"version_requests_withheld_third_party_commercial" numeric,
  	"version_requests_withheld_third_party_research" numeric,
  	"version_requests_withheld_third_party_nonprofit" numeric,
  	"version_requests_withheld_third_party_legal" numeric,
  	"version_requests_withheld_third_party_other_org" numeric,
  	"version_requests_withheld_third_party_total" numeric,
  	"version_requests_withheld_internal_affairs_natural" numeric,
  	"version_requests_withheld_internal_affairs_commercial" numeric,
  	"version_requests_withheld_internal_affairs_research" numeric,
  	"version_requests_withheld_internal_affairs_nonprofit" numeric,
  	"version_requests_withheld_internal_affairs_legal" numeric,
  	"version_requests_withheld_internal_affairs_other_org" numeric,
  	"version_requests_withheld_internal_affairs_total" numeric,
  	"version_requests_withheld_process_info_natural" numeric,
  	"version_requests_withheld_process_info_commercial" numeric,
  	"version_requests_withheld_process_info_research" numeric,
  	"version_requests_withheld_process_info_nonprofit" numeric,
  	"version_requests_withheld_process_info_legal" numeric,
  	"version_requests_withheld_process_info_other_org" numeric,
  	"version_requests_withheld_process_info_total" numeric,
  	"version_requests_withheld_enforcement_files_natural" numeric,
  	"version_requests_withheld_enforcement_files_commercial" numeric,
  	"version_requests_withheld_enforcement_files_research" numeric,
  	"version_requests_withheld_enforcement_files_nonprofit" numeric,
  	"version_requests_withheld_enforcement_files_legal" numeric,
  	"version_requests_withheld_enforcement_files_other_org" numeric,
  	"version_requests_withheld_enforcement_files_total" numeric,
  	"version_requests_withheld_admin_query_natural" numeric,
  	"version_requests_withheld_admin_query_commercial" numeric,
  	"version_requests_withheld_admin_query_research" numeric,
  	"version_requests_withheld_admin_query_nonprofit" numeric,
  	"version_requests_withheld_admin_query_legal" numeric,
  	"version_requests_withheld_admin_query_other_org" numeric,
  	"version_requests_withheld_admin_query_total" numeric,
  	"version_requests_unavailable_not_held_natural" numeric,
  	"version_requests_unavailable_not_held_commercial" numeric,
  	"version_requests_unavailable_not_held_research" numeric,
  	"version_requests_unavailable_not_held_nonprofit" numeric,
  	"version_requests_unavailable_not_held_legal" numeric,
  	"version_requests_unavailable_not_held_other_org" numeric,
  	"version_requests_unavailable_not_held_total" numeric,
  	"version_requests_unavailable_needs_creation_natural" numeric,
  	"version_requests_unavailable_needs_creation_commercial" numeric,
  	"version_requests_unavailable_needs_creation_research" numeric,
  	"version_requests_unavailable_needs_creation_nonprofit" numeric,
  	"version_requests_unavailable_needs_creation_legal" numeric,
  	"version_requests_unavailable_needs_creation_other_org" numeric,
  	"version_requests_unavailable_needs_creation_total" numeric,
  	"version_requests_unavailable_unclear_natural" numeric,
  	"version_requests_unavailable_unclear_commercial" numeric,
  	"version_requests_unavailable_unclear_research" numeric,
  	"version_requests_unavailable_unclear_nonprofit" numeric,
  	"version_requests_unavailable_unclear_legal" numeric,
  	"version_requests_unavailable_unclear_other_org" numeric,
  	"version_requests_unavailable_unclear_total" numeric,
  	"version_requests_not_processed_complaint_natural" numeric,
  	"version_requests_not_processed_complaint_commercial" numeric,
  	"version_requests_not_processed_complaint_research" numeric,
  	"version_requests_not_processed_complaint_nonprofit" numeric,
  	"version_requests_not_processed_complaint_legal" numeric,
  	"version_requests_not_processed_complaint_other_org" numeric,
  	"version_requests_not_processed_complaint_total" numeric,
  	"version_requests_not_processed_repeated_natural" numeric,
  	"version_requests_not_processed_repeated_commercial" numeric,
  	"version_requests_not_processed_repeated_research" numeric,
  	"version_requests_not_processed_repeated_nonprofit" numeric,
  	"version_requests_not_processed_repeated_legal" numeric,
  	"version_requests_not_processed_repeated_other_org" numeric,
  	"version_requests_not_processed_repeated_total" numeric,
  	"version_requests_not_processed_publication_natural" numeric,
  	"version_requests_not_processed_publication_commercial" numeric,
  	"version_requests_not_processed_publication_research" numeric,
  	"version_requests_not_processed_publication_nonprofit" numeric,
  	"version_requests_not_processed_publication_legal" numeric,
  	"version_requests_not_processed_publication_other_org" numeric,
  	"version_requests_not_processed_publication_total" numeric,
  	"version_requests_not_processed_excessive_natural" numeric,
  	"version_requests_not_processed_excessive_commercial" numeric,
  	"version_requests_not_processed_excessive_research" numeric,
  	"version_requests_not_processed_excessive_nonprofit" numeric,
  	"version_requests_not_processed_excessive_legal" numeric,
  	"version_requests_not_processed_excessive_other_org" numeric,
  	"version_requests_not_processed_excessive_total" numeric,
  	"version_requests_not_processed_confirmation_natural" numeric,
  	"version_requests_not_processed_confirmation_commercial" numeric,
  	"version_requests_not_processed_confirmation_research" numeric,
  	"version_requests_not_processed_confirmation_nonprofit" numeric,
  	"version_requests_not_processed_confirmation_legal" numeric,
  	"version_requests_not_processed_confirmation_other_org" numeric,
  	"version_requests_not_processed_confirmation_total" numeric,
  	"version_requests_other_handling_natural" numeric,
  	"version_requests_other_handling_commercial" numeric,
  	"version_requests_other_handling_research" numeric,
  	"version_requests_other_handling_nonprofit" numeric,
  	"version_requests_other_handling_legal" numeric,
  	"version_requests_other_handling_other_org" numeric,
  	"version_requests_other_handling_total" numeric,
  	"version_requests_other_handling_no_correction_natural" numeric,
  	"version_requests_other_handling_no_correction_commercial" numeric,
  	"version_requests_other_handling_no_correction_research" numeric,
  	"version_requests_other_handling_no_correction_nonprofit" numeric,
  	"version_requests_other_handling_no_correction_legal" numeric,
  	"version_requests_other_handling_no_correction_other_org" numeric,
  	"version_requests_other_handling_no_correction_total" numeric,
  	"version_requests_other_handling_unpaid_fee_natural" numeric,
  	"version_requests_other_handling_unpaid_fee_commercial" numeric,
  	"version_requests_other_handling_unpaid_fee_research" numeric,
  	"version_requests_other_handling_unpaid_fee_nonprofit" numeric,
  	"version_requests_other_handling_unpaid_fee_legal" numeric,
  	"version_requests_other_handling_unpaid_fee_other_org" numeric,
  	"version_requests_other_handling_unpaid_fee_total" numeric,
  	"version_requests_other_handling_other_natural" numeric,
  	"version_requests_other_handling_other_commercial" numeric,
  	"version_requests_other_handling_other_research" numeric,
  	"version_requests_other_handling_other_nonprofit" numeric,
  	"version_requests_other_handling_other_legal" numeric,
  	"version_requests_other_handling_other_other_org" numeric,
  	"version_requests_other_handling_other_total" numeric,
  	"version_requests_total_handled_natural" numeric,
  	"version_requests_total_handled_commercial" numeric,
  	"version_requests_total_handled_research" numeric,
  	"version_requests_total_handled_nonprofit" numeric,
  	"version_requests_total_handled_legal" numeric,
  	"version_requests_total_handled_other_org" numeric,
  	"version_requests_total_handled_total" numeric,
  	"version_requests_carried_forward_natural" numeric,
  	"version_requests_carried_forward_commercial" numeric,
  	"version_requests_carried_forward_research" numeric,
  	"version_requests_carried_forward_nonprofit" numeric,
  	"version_requests_carried_forward_legal" numeric,
  	"version_requests_carried_forward_other_org" numeric,
  	"version_requests_carried_forward_total" numeric,
  	"version_review_litigation_review_upheld" numeric,
  	"version_review_litigation_review_corrected" numeric,
  	"version_review_litigation_review_other" numeric,
  	"version_review_litigation_review_pending" numeric,
  	"version_review_litigation_review_total" numeric,
  	"version_review_litigation_litigation_direct_upheld" numeric,
  	"version_review_litigation_litigation_direct_corrected" numeric,
  	"version_review_litigation_litigation_direct_other" numeric,
  	"version_review_litigation_litigation_direct_pending" numeric,
  	"version_review_litigation_litigation_direct_total" numeric,
  	"version_review_litigation_litigation_after_review_upheld" numeric,
  	"version_review_litigation_litigation_after_review_corrected" numeric,
  	"version_review_litigation_litigation_after_review_other" numeric,
  	"version_review_litigation_litigation_after_review_pending" numeric,
  	"version_review_litigation_litigation_after_review_total" numeric,
  	"version_issues" jsonb,
  	"version_ambiguities" jsonb,
  	"version_agency_id" integer,
  	"version_year" numeric,
  	"version_edition" "enum__reports_v_version_edition" DEFAULT '2021',
  	"version_published_at" timestamp(3) with time zone,
  	"version_error_count" numeric,
  	"version_warning_count" numeric,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__reports_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"role" "enum_users_role" NOT NULL,
  	"agency_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"agencies_id" integer,
  	"reports_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "agencies" ADD CONSTRAINT "agencies_parent_id_agencies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reports" ADD CONSTRAINT "reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_reports_v" ADD CONSTRAINT "_reports_v_parent_id_reports_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."reports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_reports_v" ADD CONSTRAINT "_reports_v_version_agency_id_agencies_id_fk" FOREIGN KEY ("version_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_agencies_fk" FOREIGN KEY ("agencies_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reports_fk" FOREIGN KEY ("reports_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "agencies_name_idx" ON "agencies" USING btree ("name");
  CREATE INDEX "agencies_parent_idx" ON "agencies" USING btree ("parent_id");
  CREATE INDEX "agencies_updated_at_idx" ON "agencies" USING btree ("updated_at");
  CREATE INDEX "agencies_created_at_idx" ON "agencies" USING btree ("created_at");
  CREATE INDEX "reports_agency_idx" ON "reports" USING btree ("agency_id");
  CREATE INDEX "reports_year_idx" ON "reports" USING btree ("year");
  CREATE INDEX "reports_error_count_idx" ON "reports" USING btree ("error_count");
  CREATE INDEX "reports_updated_at_idx" ON "reports" USING btree ("updated_at");
  CREATE INDEX "reports_created_at_idx" ON "reports" USING btree ("created_at");
  CREATE INDEX "reports__status_idx" ON "reports" USING btree ("_status");
  CREATE UNIQUE INDEX "agency_year_idx" ON "reports" USING btree ("agency_id","year");
  CREATE INDEX "_reports_v_parent_idx" ON "_reports_v" USING btree ("parent_id");
  CREATE INDEX "_reports_v_version_version_agency_idx" ON "_reports_v" USING btree ("version_agency_id");
  CREATE INDEX "_reports_v_version_version_year_idx" ON "_reports_v" USING btree ("version_year");
  CREATE INDEX "_reports_v_version_version_error_count_idx" ON "_reports_v" USING btree ("version_error_count");
  CREATE INDEX "_reports_v_version_version_updated_at_idx" ON "_reports_v" USING btree ("version_updated_at");
  CREATE INDEX "_reports_v_version_version_created_at_idx" ON "_reports_v" USING btree ("version_created_at");
  CREATE INDEX "_reports_v_version_version__status_idx" ON "_reports_v" USING btree ("version__status");
  CREATE INDEX "_reports_v_created_at_idx" ON "_reports_v" USING btree ("created_at");
  CREATE INDEX "_reports_v_updated_at_idx" ON "_reports_v" USING btree ("updated_at");
  CREATE INDEX "_reports_v_latest_idx" ON "_reports_v" USING btree ("latest");
  CREATE INDEX "version_agency_version_year_idx" ON "_reports_v" USING btree ("version_agency_id","version_year");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_agency_idx" ON "users" USING btree ("agency_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_agencies_id_idx" ON "payload_locked_documents_rels" USING btree ("agencies_id");
  CREATE INDEX "payload_locked_documents_rels_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("reports_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "agencies" CASCADE;
  DROP TABLE "reports" CASCADE;
  DROP TABLE "_reports_v" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_agencies_kind";
  DROP TYPE "public"."enum_agencies_level";
  DROP TYPE "public"."enum_reports_edition";
  DROP TYPE "public"."enum_reports_status";
  DROP TYPE "public"."enum__reports_v_version_edition";
  DROP TYPE "public"."enum__reports_v_version_status";
  DROP TYPE "public"."enum_users_role";`)
}
