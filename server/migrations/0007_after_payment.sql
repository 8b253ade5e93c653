CREATE TABLE "aftersale_lines" (
	"aftersale_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"title" text NOT NULL,
	"spec_values" jsonb NOT NULL,
	"image" text,
	"quantity" integer NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "aftersale_lines_aftersale_id_line_id_pk" PRIMARY KEY("aftersale_id","line_id")
);
--> statement-breakpoint
CREATE TABLE "aftersale_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aftersale_slots" (
	"slot_id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"payable_fen" bigint DEFAULT 0 NOT NULL,
	"held_qty" integer DEFAULT 0 NOT NULL,
	"held_fen" bigint DEFAULT 0 NOT NULL,
	"refunded_qty" integer DEFAULT 0 NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aftersale_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"aftersale_id" uuid NOT NULL,
	"status" text NOT NULL,
	"actor" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aftersales" (
	"id" uuid PRIMARY KEY NOT NULL,
	"aftersale_no" text NOT NULL,
	"order_id" uuid NOT NULL,
	"order_no" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"photos" jsonb NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"shipping_fen" bigint DEFAULT 0 NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"refund_no" text,
	"reject_reason" text,
	"return_address" jsonb,
	"return_courier" text,
	"return_tracking_no" text,
	"reship_courier" text,
	"reship_tracking_no" text,
	"restocked" boolean DEFAULT false NOT NULL,
	"order_shipped" boolean DEFAULT false NOT NULL,
	"merchant_deadline" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "local_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"order_no" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"store_name" text NOT NULL,
	"slot" jsonb NOT NULL,
	"distance_metres" integer NOT NULL,
	"recipient" text,
	"address_text" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"out_at" timestamp with time zone,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pickup_orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"order_no" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"store_name" text NOT NULL,
	"code" text NOT NULL,
	"status" text NOT NULL,
	"ready_at" timestamp with time zone NOT NULL,
	"picked_up_at" timestamp with time zone,
	"picked_up_by" uuid
);
--> statement-breakpoint
CREATE TABLE "pickup_wrong_codes" (
	"staff_id" uuid NOT NULL,
	"window_start" bigint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "pickup_wrong_codes_staff_id_window_start_pk" PRIMARY KEY("staff_id","window_start")
);
--> statement-breakpoint
CREATE TABLE "loyalty_accounts" (
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"balance" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "loyalty_accounts_customer_id_kind_pk" PRIMARY KEY("customer_id","kind"),
	CONSTRAINT "loyalty_accounts_nonneg_ck" CHECK ("loyalty_accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "loyalty_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"ref" text,
	"memo" text NOT NULL,
	"staff_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "loyalty_entries_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "loyalty_growth" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "loyalty_growth_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "loyalty_holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asset" text NOT NULL,
	"ref" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"principal" bigint DEFAULT 0 NOT NULL,
	"bonus" bigint DEFAULT 0 NOT NULL,
	"refunded_principal" bigint DEFAULT 0 NOT NULL,
	"refunded_bonus" bigint DEFAULT 0 NOT NULL,
	"lots" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_ledger_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"ok" boolean NOT NULL,
	"drift" jsonb NOT NULL,
	"ran_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_levels" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"threshold" bigint NOT NULL,
	"benefits" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_members" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"growth" bigint DEFAULT 0 NOT NULL,
	"level_id" uuid,
	"level_since" timestamp with time zone,
	"streak" integer DEFAULT 0 NOT NULL,
	"last_signin_day" text,
	"orders_paid" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"fully_refunded" boolean DEFAULT false NOT NULL,
	"points_earned" bigint DEFAULT 0 NOT NULL,
	"points_clawed" bigint DEFAULT 0 NOT NULL,
	"growth_added" bigint DEFAULT 0 NOT NULL,
	"growth_removed" bigint DEFAULT 0 NOT NULL,
	"earned_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_point_lots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"remaining" bigint DEFAULT 0 NOT NULL,
	"earned_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	CONSTRAINT "loyalty_point_lots_remaining_ck" CHECK ("loyalty_point_lots"."remaining" >= 0 and "loyalty_point_lots"."remaining" <= "loyalty_point_lots"."amount")
);
--> statement-breakpoint
CREATE TABLE "loyalty_postings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"customer_id" uuid,
	"account" text NOT NULL,
	"amount" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_recharge_packages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"bonus_fen" bigint DEFAULT 0 NOT NULL,
	"active" boolean NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_recharges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"recharge_no" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"bonus_fen" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"intent_id" uuid,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "loyalty_recharges_recharge_no_unique" UNIQUE("recharge_no")
);
--> statement-breakpoint
CREATE TABLE "loyalty_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_signins" (
	"customer_id" uuid NOT NULL,
	"day" text NOT NULL,
	"streak" integer NOT NULL,
	"points" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "loyalty_signins_customer_id_day_pk" PRIMARY KEY("customer_id","day")
);
--> statement-breakpoint
CREATE TABLE "message_consent_log" (
	"customer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"channel" text NOT NULL,
	"granted" boolean NOT NULL,
	"source" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "message_consent_log_customer_id_id_pk" PRIMARY KEY("customer_id","id")
);
--> statement-breakpoint
CREATE TABLE "message_preferences" (
	"customer_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"channel" text NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "message_preferences_customer_id_purpose_channel_pk" PRIMARY KEY("customer_id","purpose","channel")
);
--> statement-breakpoint
CREATE TABLE "message_sends" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"template" text NOT NULL,
	"recipient" text NOT NULL,
	"payload" jsonb NOT NULL,
	"content" text NOT NULL,
	"status" text NOT NULL,
	"provider_id" text,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"claimed_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wechat_subscriptions" (
	"customer_id" uuid NOT NULL,
	"template_id" text NOT NULL,
	"remaining" integer NOT NULL,
	"accepted_total" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wechat_subscriptions_customer_id_template_id_pk" PRIMARY KEY("customer_id","template_id")
);
--> statement-breakpoint
CREATE TABLE "sim_wechat_grants" (
	"app_id" text NOT NULL,
	"openid" text NOT NULL,
	"template_id" text NOT NULL,
	"remaining" integer NOT NULL,
	CONSTRAINT "sim_wechat_grants_app_id_openid_template_id_pk" PRIMARY KEY("app_id","openid","template_id")
);
--> statement-breakpoint
CREATE TABLE "sim_wechat_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"touser" text NOT NULL,
	"template_id" text NOT NULL,
	"page" text,
	"lang" text NOT NULL,
	"miniprogram_state" text NOT NULL,
	"data" jsonb NOT NULL,
	"text" text NOT NULL,
	"msgid" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_moderation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"action" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"staff_name" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_uploads" (
	"url" text PRIMARY KEY NOT NULL,
	"thumb_url" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"order_no" text NOT NULL,
	"line_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"sku_id" uuid NOT NULL,
	"product_title" text NOT NULL,
	"sku_label" text NOT NULL,
	"author_name" text NOT NULL,
	"avatar_url" text,
	"anonymous" boolean NOT NULL,
	"rating" smallint NOT NULL,
	"content" text NOT NULL,
	"photos" jsonb NOT NULL,
	"has_photos" boolean NOT NULL,
	"status" text NOT NULL,
	"flagged_words" text[] NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"reply_content" text,
	"reply_at" timestamp with time zone,
	"reply_staff_name" text,
	"hidden_reason" text,
	"hidden_at" timestamp with time zone,
	"hidden_staff_name" text,
	"follow_up_content" text,
	"follow_up_photos" jsonb,
	"follow_up_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kd100_sim_pushes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subscription_id" uuid NOT NULL,
	"steps" integer NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "kd100_sim_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company" text NOT NULL,
	"number" text NOT NULL,
	"to_area" text,
	"callback_url" text NOT NULL,
	"salt" text NOT NULL,
	"subscribed_at" timestamp with time zone NOT NULL,
	"pushed_steps" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipment_auto_confirm" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "shipment_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"shipment_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"context" text NOT NULL,
	"state" integer,
	"area_name" text
);
--> statement-breakpoint
CREATE TABLE "shipment_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"shipped_rows" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"has_error_report" boolean DEFAULT false NOT NULL,
	"message" text,
	"created_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "shipment_line_units" (
	"order_line_id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"ordered" integer NOT NULL,
	"shipped" integer NOT NULL,
	CONSTRAINT "shipment_line_units_bound" CHECK ("shipment_line_units"."shipped" >= 0 and "shipment_line_units"."shipped" <= "shipment_line_units"."ordered")
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"order_no" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"recipient" text,
	"mobile" text,
	"region" text,
	"courier_code" text NOT NULL,
	"courier_name" text NOT NULL,
	"tracking_no" text NOT NULL,
	"lines" jsonb NOT NULL,
	"tracking_state" integer,
	"subscribed" boolean DEFAULT false NOT NULL,
	"shipped_at" timestamp with time zone NOT NULL,
	"last_event_at" timestamp with time zone,
	"last_context" text,
	"delivered_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "delivery_method" text DEFAULT 'express' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "delivery_store_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "delivery" jsonb;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "phone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "lat_e6" integer;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "lng_e6" integer;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "hours" jsonb;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "pickup_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "local_delivery_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "local_delivery" jsonb;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "aftersale_slots_order_idx" ON "aftersale_slots" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "aftersale_steps_idx" ON "aftersale_steps" USING btree ("aftersale_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "aftersales_no_uq" ON "aftersales" USING btree ("aftersale_no");--> statement-breakpoint
CREATE UNIQUE INDEX "aftersales_refund_no_uq" ON "aftersales" USING btree ("refund_no");--> statement-breakpoint
CREATE INDEX "aftersales_order_idx" ON "aftersales" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "aftersales_customer_idx" ON "aftersales" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "aftersales_status_idx" ON "aftersales" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "aftersales_deadline_idx" ON "aftersales" USING btree ("status","merchant_deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "local_deliveries_order_uq" ON "local_deliveries" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "local_deliveries_store_idx" ON "local_deliveries" USING btree ("store_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pickup_orders_open_code_uq" ON "pickup_orders" USING btree ("code") WHERE status = 'ready';--> statement-breakpoint
CREATE INDEX "pickup_orders_store_idx" ON "pickup_orders" USING btree ("store_id","status","ready_at");--> statement-breakpoint
CREATE INDEX "pickup_orders_code_idx" ON "pickup_orders" USING btree ("code");--> statement-breakpoint
CREATE INDEX "loyalty_entries_customer_idx" ON "loyalty_entries" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "loyalty_growth_customer_idx" ON "loyalty_growth" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_holds_ref_uq" ON "loyalty_holds" USING btree ("asset","ref");--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_levels_threshold_uq" ON "loyalty_levels" USING btree ("threshold");--> statement-breakpoint
CREATE INDEX "loyalty_point_lots_customer_idx" ON "loyalty_point_lots" USING btree ("customer_id","expires_at");--> statement-breakpoint
CREATE INDEX "loyalty_point_lots_expiry_idx" ON "loyalty_point_lots" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "loyalty_postings_entry_idx" ON "loyalty_postings" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "loyalty_postings_account_idx" ON "loyalty_postings" USING btree ("customer_id","account","created_at");--> statement-breakpoint
CREATE INDEX "loyalty_recharges_customer_idx" ON "loyalty_recharges" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "message_sends_event_channel_uq" ON "message_sends" USING btree ("event_id","channel");--> statement-breakpoint
CREATE INDEX "message_sends_due_idx" ON "message_sends" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "message_sends_created_idx" ON "message_sends" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "message_sends_customer_idx" ON "message_sends" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "sim_wechat_messages_touser_idx" ON "sim_wechat_messages" USING btree ("touser","created_at");--> statement-breakpoint
CREATE INDEX "review_moderation_review_idx" ON "review_moderation" USING btree ("review_id","at");--> statement-breakpoint
CREATE INDEX "review_uploads_customer_idx" ON "review_uploads" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_reviews_line_uq" ON "review_reviews" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "review_reviews_order_idx" ON "review_reviews" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "review_reviews_shop_idx" ON "review_reviews" USING btree ("product_id","has_photos","pinned","created_at","id") WHERE status = 'visible';--> statement-breakpoint
CREATE INDEX "review_reviews_admin_idx" ON "review_reviews" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "kd100_sim_push_uq" ON "kd100_sim_pushes" USING btree ("subscription_id","steps");--> statement-breakpoint
CREATE UNIQUE INDEX "kd100_sim_sub_uq" ON "kd100_sim_subscriptions" USING btree ("company","number");--> statement-breakpoint
CREATE INDEX "kd100_sim_sub_status_idx" ON "kd100_sim_subscriptions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "shipment_auto_confirm_due_idx" ON "shipment_auto_confirm" USING btree ("due_at") WHERE done_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "shipment_events_uq" ON "shipment_events" USING btree ("shipment_id","at","context");--> statement-breakpoint
CREATE INDEX "shipment_line_units_order_idx" ON "shipment_line_units" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_order_tracking_uq" ON "shipments" USING btree ("order_id","courier_code","tracking_no");--> statement-breakpoint
CREATE INDEX "shipments_tracking_idx" ON "shipments" USING btree ("courier_code","tracking_no");--> statement-breakpoint
CREATE INDEX "shipments_order_idx" ON "shipments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "shipments_shipped_idx" ON "shipments" USING btree ("shipped_at");