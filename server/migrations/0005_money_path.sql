CREATE TABLE "cart_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"sku_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"selected" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_addresses" (
	"customer_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"mobile" text NOT NULL,
	"province_code" text NOT NULL,
	"province_name" text NOT NULL,
	"city_code" text NOT NULL,
	"city_name" text NOT NULL,
	"district_code" text NOT NULL,
	"district_name" text NOT NULL,
	"detail" text NOT NULL,
	"label" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_addresses_customer_id_id_pk" PRIMARY KEY("customer_id","id")
);
--> statement-breakpoint
CREATE TABLE "shipping_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"policy" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipping_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"charge_by" text NOT NULL,
	"default_rule" jsonb NOT NULL,
	"region_rules" jsonb NOT NULL,
	"undeliverable" jsonb NOT NULL,
	"free_shipping" jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"sku_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"title" text NOT NULL,
	"spec_values" jsonb NOT NULL,
	"image" text,
	"quantity" integer NOT NULL,
	"list_price_fen" bigint,
	"unit_price_fen" bigint DEFAULT 0 NOT NULL,
	"subtotal_fen" bigint DEFAULT 0 NOT NULL,
	"discounts" jsonb NOT NULL,
	"discount_fen" bigint DEFAULT 0 NOT NULL,
	"payable_fen" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_price_adjustments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"staff_name" text NOT NULL,
	"before_fen" bigint DEFAULT 0 NOT NULL,
	"after_fen" bigint DEFAULT 0 NOT NULL,
	"shipping_before_fen" bigint DEFAULT 0 NOT NULL,
	"shipping_after_fen" bigint DEFAULT 0 NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_purchase_counts" (
	"customer_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "order_purchase_counts_customer_id_product_id_pk" PRIMARY KEY("customer_id","product_id")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_no" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"buyer_mobile" text,
	"address" jsonb,
	"items_total_fen" bigint DEFAULT 0 NOT NULL,
	"promotion_discount_fen" bigint DEFAULT 0 NOT NULL,
	"coupon_discount_fen" bigint DEFAULT 0 NOT NULL,
	"adjustment_fen" bigint DEFAULT 0 NOT NULL,
	"shipping_fen" bigint DEFAULT 0 NOT NULL,
	"shipping_discount_fen" bigint DEFAULT 0 NOT NULL,
	"payable_fen" bigint DEFAULT 0 NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"applied" jsonb NOT NULL,
	"coupon_ids" jsonb NOT NULL,
	"buyer_remark" text DEFAULT '' NOT NULL,
	"merchant_remark" text DEFAULT '' NOT NULL,
	"pay_channel" text,
	"transaction_id" text,
	"close_reason" text,
	"pay_deadline" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_callbacks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"kind" text NOT NULL,
	"out_trade_no" text,
	"outcome" text NOT NULL,
	"reason" text,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_intents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"payable_type" text NOT NULL,
	"payable_id" text NOT NULL,
	"seq" integer NOT NULL,
	"provider" text NOT NULL,
	"channel" text NOT NULL,
	"out_trade_no" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"description" text NOT NULL,
	"openid" text,
	"client_ip" text NOT NULL,
	"return_url" text,
	"expires_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"transaction_id" text,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"paid_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_intents_state" CHECK ("payment_intents"."state" in ('open', 'paid', 'closed')),
	CONSTRAINT "payment_intents_amount_pos" CHECK ("payment_intents"."amount_fen" > 0),
	CONSTRAINT "payment_intents_refund_le_paid" CHECK ("payment_intents"."refunded_fen" >= 0 and "payment_intents"."refunded_fen" <= "payment_intents"."paid_fen")
);
--> statement-breakpoint
CREATE TABLE "payment_refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"refund_no" text NOT NULL,
	"intent_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"provider_refund_id" text,
	"failure_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "payment_refunds_status" CHECK ("payment_refunds"."status" in ('processing', 'succeeded', 'failed')),
	CONSTRAINT "payment_refunds_amount_pos" CHECK ("payment_refunds"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"transaction_id" text NOT NULL,
	"intent_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"payer_fen" bigint,
	"paid_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"raw" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_sim_keys" (
	"name" text PRIMARY KEY NOT NULL,
	"private_pem" text,
	"public_pem" text,
	"serial" text,
	"secret" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_sim_notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"url" text NOT NULL,
	"body" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"gave_up_at" timestamp with time zone,
	"last_status" integer,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_sim_refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"merchant_id" text NOT NULL,
	"trade_id" uuid NOT NULL,
	"refund_no" text NOT NULL,
	"refund_id" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"success_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_sim_trades" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"merchant_id" text NOT NULL,
	"app_id" text NOT NULL,
	"out_trade_no" text NOT NULL,
	"trade_type" text NOT NULL,
	"description" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"notify_url" text NOT NULL,
	"return_url" text,
	"cancel_url" text,
	"openid" text,
	"digest" text NOT NULL,
	"handle" text NOT NULL,
	"state" text NOT NULL,
	"transaction_id" text,
	"payer_id" text,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_coupon_claims" (
	"template_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "promotion_coupon_claims_template_id_customer_id_pk" PRIMARY KEY("template_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "promotion_coupon_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"args" jsonb NOT NULL,
	"scope" jsonb NOT NULL,
	"validity" jsonb NOT NULL,
	"per_customer_limit" integer NOT NULL,
	"total_quantity" integer,
	"issued_count" integer DEFAULT 0 NOT NULL,
	"claimable" boolean NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "promotion_coupon_templates_quantity_ck" CHECK ("promotion_coupon_templates"."total_quantity" is null or "promotion_coupon_templates"."issued_count" <= "promotion_coupon_templates"."total_quantity")
);
--> statement-breakpoint
CREATE TABLE "promotion_coupons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"template_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"args" jsonb NOT NULL,
	"scope" jsonb NOT NULL,
	"status" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"order_id" uuid,
	"frozen_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "promotion_coupons_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "promotion_promotions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"args" jsonb NOT NULL,
	"scope" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"priority" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cart_lines_owner_sku_uq" ON "cart_lines" USING btree ("owner","sku_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_addresses_one_default_uq" ON "customer_addresses" USING btree ("customer_id") WHERE "customer_addresses"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "shipping_templates_name_uq" ON "shipping_templates" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "shipping_templates_one_default_uq" ON "shipping_templates" USING btree ("is_default") WHERE "shipping_templates"."is_default";--> statement-breakpoint
CREATE INDEX "order_lines_order_idx" ON "order_lines" USING btree ("order_id","position");--> statement-breakpoint
CREATE INDEX "order_lines_product_idx" ON "order_lines" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "order_price_adjustments_order_idx" ON "order_price_adjustments" USING btree ("order_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_order_no_uq" ON "orders" USING btree ("order_no");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_status_created_idx" ON "orders" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "orders_buyer_mobile_idx" ON "orders" USING btree ("buyer_mobile");--> statement-breakpoint
CREATE INDEX "orders_unpaid_deadline_idx" ON "orders" USING btree ("pay_deadline");--> statement-breakpoint
CREATE INDEX "payment_callbacks_trade_idx" ON "payment_callbacks" USING btree ("provider","out_trade_no");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_payable_seq_uq" ON "payment_intents" USING btree ("payable_type","payable_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_trade_uq" ON "payment_intents" USING btree ("provider","out_trade_no");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_refunds_no_uq" ON "payment_refunds" USING btree ("refund_no");--> statement-breakpoint
CREATE INDEX "payment_refunds_intent_idx" ON "payment_refunds" USING btree ("intent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_transactions_provider_uq" ON "payment_transactions" USING btree ("provider","transaction_id");--> statement-breakpoint
CREATE INDEX "payment_transactions_intent_idx" ON "payment_transactions" USING btree ("intent_id");--> statement-breakpoint
CREATE INDEX "payment_sim_notifications_due_idx" ON "payment_sim_notifications" USING btree ("next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_sim_refunds_uq" ON "payment_sim_refunds" USING btree ("provider","merchant_id","refund_no");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_sim_trades_uq" ON "payment_sim_trades" USING btree ("provider","merchant_id","out_trade_no");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_sim_trades_handle_uq" ON "payment_sim_trades" USING btree ("handle");--> statement-breakpoint
CREATE INDEX "promotion_coupon_templates_created_idx" ON "promotion_coupon_templates" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "promotion_coupons_customer_idx" ON "promotion_coupons" USING btree ("customer_id","status");--> statement-breakpoint
CREATE INDEX "promotion_coupons_order_idx" ON "promotion_coupons" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "promotion_coupons_template_idx" ON "promotion_coupons" USING btree ("template_id","status");--> statement-breakpoint
CREATE INDEX "promotion_promotions_status_idx" ON "promotion_promotions" USING btree ("status","ends_at");--> statement-breakpoint
CREATE INDEX "promotion_promotions_created_idx" ON "promotion_promotions" USING btree ("created_at","id");