CREATE TABLE "audience_customers" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"gender" text DEFAULT 'unknown' NOT NULL,
	"birthday_month" smallint,
	"region_code" text,
	"source_channel" text,
	"first_seen_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"paid_orders" integer DEFAULT 0 NOT NULL,
	"spend_fen" bigint DEFAULT 0 NOT NULL,
	"first_order_at" timestamp with time zone,
	"last_order_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audience_orders" (
	"source" text NOT NULL,
	"order_ref" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"total_fen" bigint NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"category_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "audience_orders_source_order_ref_pk" PRIMARY KEY("source","order_ref")
);
--> statement-breakpoint
CREATE TABLE "audience_segment_snapshot_members" (
	"snapshot_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	CONSTRAINT "audience_segment_snapshot_members_snapshot_id_customer_id_pk" PRIMARY KEY("snapshot_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "audience_segment_snapshots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"segment_id" uuid NOT NULL,
	"rule" jsonb NOT NULL,
	"count" integer NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"taken_by" uuid
);
--> statement-breakpoint
CREATE TABLE "audience_segments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"rule" jsonb NOT NULL,
	"last_count" integer,
	"last_counted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audience_customer_tags" (
	"tag_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"set_by" text NOT NULL,
	"explanation" jsonb NOT NULL,
	CONSTRAINT "audience_customer_tags_tag_id_customer_id_pk" PRIMARY KEY("tag_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "audience_tag_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"color" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"kind" text DEFAULT 'manual' NOT NULL,
	"code" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audience_tag_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"thresholds" jsonb,
	"message" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audience_tag_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audience_tags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"code" text,
	"rule" jsonb,
	"description" text DEFAULT '' NOT NULL,
	"color" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"evaluated_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_import_rejects" (
	"import_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"reason" text NOT NULL,
	"cells" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_imported_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"platform_order_no" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"status" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"placed_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"item_summary" text DEFAULT '' NOT NULL,
	"item_quantity" integer,
	"buyer_id" text,
	"receiver_name" text,
	"phone" text,
	"address" text,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"file_bytes" bigint NOT NULL,
	"platform" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"headers" jsonb NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"bytes_done" bigint DEFAULT 0 NOT NULL,
	"total_estimate" integer DEFAULT 0 NOT NULL,
	"orders_imported" integer DEFAULT 0 NOT NULL,
	"paid_orders" integer DEFAULT 0 NOT NULL,
	"customers_created" integer DEFAULT 0 NOT NULL,
	"customers_matched" integer DEFAULT 0 NOT NULL,
	"rejected_count" integer DEFAULT 0 NOT NULL,
	"message" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "behaviour_daily_counts" (
	"type" text NOT NULL,
	"day" date NOT NULL,
	"customer_id" uuid NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "behaviour_daily_counts_customer_id_type_day_pk" PRIMARY KEY("customer_id","type","day")
);
--> statement-breakpoint
CREATE TABLE "customer_consents" (
	"customer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"policy_version" text NOT NULL,
	"captured_via" text NOT NULL,
	"ip_masked" text,
	"user_agent_hash" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_consents_customer_id_id_pk" PRIMARY KEY("customer_id","id")
);
--> statement-breakpoint
CREATE TABLE "privacy_audit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid,
	"customer_id" uuid NOT NULL,
	"action" text NOT NULL,
	"detail" jsonb NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_deletion_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"requested_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"pseudonym" text
);
--> statement-breakpoint
CREATE TABLE "customer_identities" (
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_identities_customer_id_kind_value_pk" PRIMARY KEY("customer_id","kind","value")
);
--> statement-breakpoint
CREATE TABLE "customer_merge_suggestions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"a_id" uuid NOT NULL,
	"b_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"claims" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "customer_merges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_id" uuid NOT NULL,
	"into_id" uuid NOT NULL,
	"staff_id" uuid,
	"reason" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_notes" (
	"customer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_notes_customer_id_id_pk" PRIMARY KEY("customer_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text,
	"gender" text DEFAULT 'unknown' NOT NULL,
	"birthday" date,
	"region_code" text,
	"source_channel" text NOT NULL,
	"has_account" boolean DEFAULT false NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"merged_into" uuid,
	"merged_at" timestamp with time zone,
	"erased" boolean DEFAULT false NOT NULL,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "customer_reveals" (
	"customer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"field" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_reveals_customer_id_id_pk" PRIMARY KEY("customer_id","id")
);
--> statement-breakpoint
CREATE TABLE "promotion_coupon_code_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"template_id" uuid NOT NULL,
	"type" text NOT NULL,
	"count" integer NOT NULL,
	"shared_code" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_coupon_code_redemptions" (
	"code" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"coupon_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "promotion_coupon_code_redemptions_code_customer_id_pk" PRIMARY KEY("code","customer_id")
);
--> statement-breakpoint
CREATE TABLE "promotion_coupon_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"max_redemptions" integer NOT NULL,
	"redeemed" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_coupon_issue_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"template_id" uuid NOT NULL,
	"source" text NOT NULL,
	"segment_id" text,
	"entries" jsonb NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"issued" integer DEFAULT 0 NOT NULL,
	"skipped" jsonb NOT NULL,
	"message" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "promotion_coupon_issues" (
	"key" text PRIMARY KEY NOT NULL,
	"template_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"coupon_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_coupon_rewards" (
	"occasion" text PRIMARY KEY NOT NULL,
	"template_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audience_customers_gender_idx" ON "audience_customers" USING btree ("gender");--> statement-breakpoint
CREATE INDEX "audience_customers_region_idx" ON "audience_customers" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "audience_customers_source_idx" ON "audience_customers" USING btree ("source_channel");--> statement-breakpoint
CREATE INDEX "audience_customers_birthday_idx" ON "audience_customers" USING btree ("birthday_month");--> statement-breakpoint
CREATE INDEX "audience_customers_last_order_idx" ON "audience_customers" USING btree ("last_order_at");--> statement-breakpoint
CREATE INDEX "audience_orders_customer_paid_idx" ON "audience_orders" USING btree ("customer_id","paid_at","total_fen","refunded_fen");--> statement-breakpoint
CREATE INDEX "audience_orders_paid_idx" ON "audience_orders" USING btree ("paid_at","customer_id","total_fen","refunded_fen");--> statement-breakpoint
CREATE INDEX "audience_orders_categories_idx" ON "audience_orders" USING gin ("category_ids");--> statement-breakpoint
CREATE INDEX "audience_segment_snapshots_segment_idx" ON "audience_segment_snapshots" USING btree ("segment_id","taken_at");--> statement-breakpoint
CREATE INDEX "audience_segments_updated_idx" ON "audience_segments" USING btree ("updated_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "audience_segments_name_uq" ON "audience_segments" USING btree ("name");--> statement-breakpoint
CREATE INDEX "audience_customer_tags_customer_idx" ON "audience_customer_tags" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audience_tag_groups_name_uq" ON "audience_tag_groups" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "audience_tag_groups_code_uq" ON "audience_tag_groups" USING btree ("code");--> statement-breakpoint
CREATE INDEX "audience_tag_runs_created_idx" ON "audience_tag_runs" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "audience_tags_code_uq" ON "audience_tags" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "audience_tags_group_name_uq" ON "audience_tags" USING btree (coalesce("group_id", '00000000-0000-0000-0000-000000000000'::uuid),"name");--> statement-breakpoint
CREATE INDEX "audience_tags_kind_idx" ON "audience_tags" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_import_rejects_pk" ON "customer_import_rejects" USING btree ("import_id","row_no");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_imported_orders_source_no_uq" ON "customer_imported_orders" USING btree ("source","platform_order_no");--> statement-breakpoint
CREATE INDEX "customer_imported_orders_customer_idx" ON "customer_imported_orders" USING btree ("customer_id","placed_at");--> statement-breakpoint
CREATE INDEX "customer_imported_orders_import_idx" ON "customer_imported_orders" USING btree ("import_id","customer_id");--> statement-breakpoint
CREATE INDEX "customer_imports_created_idx" ON "customer_imports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "behaviour_daily_counts_window_idx" ON "behaviour_daily_counts" USING btree ("type","day","customer_id","n");--> statement-breakpoint
CREATE INDEX "customer_consents_purpose_idx" ON "customer_consents" USING btree ("customer_id","purpose","at");--> statement-breakpoint
CREATE INDEX "privacy_audit_customer_idx" ON "privacy_audit" USING btree ("customer_id","at");--> statement-breakpoint
CREATE INDEX "privacy_audit_request_idx" ON "privacy_audit" USING btree ("request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "privacy_deletion_requests_open_uq" ON "privacy_deletion_requests" USING btree ("customer_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "privacy_deletion_requests_due_idx" ON "privacy_deletion_requests" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "privacy_deletion_requests_list_idx" ON "privacy_deletion_requests" USING btree ("requested_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_identities_strong_uq" ON "customer_identities" USING btree ("kind","value") WHERE "customer_identities"."kind" <> 'phone_masked';--> statement-breakpoint
CREATE INDEX "customer_identities_value_idx" ON "customer_identities" USING btree ("value");--> statement-breakpoint
CREATE INDEX "customer_identities_tail_idx" ON "customer_identities" USING btree (right("value", 4)) WHERE "customer_identities"."kind" in ('phone', 'phone_masked');--> statement-breakpoint
CREATE UNIQUE INDEX "customer_merge_suggestions_pair_uq" ON "customer_merge_suggestions" USING btree ("a_id","b_id");--> statement-breakpoint
CREATE INDEX "customer_merge_suggestions_b_idx" ON "customer_merge_suggestions" USING btree ("b_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_merges_from_uq" ON "customer_merges" USING btree ("from_id");--> statement-breakpoint
CREATE INDEX "customer_merges_into_idx" ON "customer_merges" USING btree ("into_id");--> statement-breakpoint
CREATE INDEX "customer_profiles_list_idx" ON "customer_profiles" USING btree ("created_at","id") WHERE "customer_profiles"."merged_into" is null;--> statement-breakpoint
CREATE INDEX "customer_profiles_source_idx" ON "customer_profiles" USING btree ("source_channel","created_at","id") WHERE "customer_profiles"."merged_into" is null;--> statement-breakpoint
CREATE INDEX "customer_profiles_birthday_idx" ON "customer_profiles" USING btree (extract(month from "birthday"),extract(day from "birthday"),"id") WHERE "customer_profiles"."merged_into" is null and not "customer_profiles"."erased";--> statement-breakpoint
CREATE INDEX "customer_reveals_staff_idx" ON "customer_reveals" USING btree ("staff_id","created_at");--> statement-breakpoint
CREATE INDEX "promotion_coupon_code_batches_template_idx" ON "promotion_coupon_code_batches" USING btree ("template_id","created_at");--> statement-breakpoint
CREATE INDEX "promotion_coupon_codes_batch_idx" ON "promotion_coupon_codes" USING btree ("batch_id","code");--> statement-breakpoint
CREATE INDEX "promotion_coupon_issue_jobs_created_idx" ON "promotion_coupon_issue_jobs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "promotion_coupon_issues_customer_idx" ON "promotion_coupon_issues" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "behaviour_events_type_time_idx" ON "behaviour_events" USING btree ("type","occurred_at","shopper_id");--> statement-breakpoint
-- Backfill: the daily rollup of the behaviour events already stored (customer/behaviour-append.ts keeps it in step from here on).
INSERT INTO "behaviour_daily_counts" ("type", "day", "customer_id", "n")
SELECT "type", ("occurred_at" AT TIME ZONE 'UTC')::date, "shopper_id", count(*)::int FROM "behaviour_events"
WHERE "shopper_id" IS NOT NULL GROUP BY 1, 2, 3;
