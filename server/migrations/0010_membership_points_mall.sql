CREATE TABLE "loyalty_card_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"price_fen" bigint NOT NULL,
	"period_days" integer NOT NULL,
	"benefits" jsonb NOT NULL,
	"active" boolean NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_card_purchases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"purchase_no" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"name" text NOT NULL,
	"price_fen" bigint NOT NULL,
	"period_days" integer NOT NULL,
	"benefits" jsonb NOT NULL,
	"status" text NOT NULL,
	"intent_id" uuid,
	"paid_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "loyalty_card_purchases_purchase_no_unique" UNIQUE("purchase_no")
);
--> statement-breakpoint
CREATE TABLE "loyalty_member_cards" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"name" text NOT NULL,
	"benefits" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_member_day" (
	"id" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_expiry_reminders" (
	"customer_id" uuid NOT NULL,
	"day" text NOT NULL,
	"points" bigint NOT NULL,
	"event_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "loyalty_expiry_reminders_customer_id_day_pk" PRIMARY KEY("customer_id","day")
);
--> statement-breakpoint
CREATE TABLE "order_first_claims" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "points_mall_counts" (
	"item_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "points_mall_counts_item_id_customer_id_pk" PRIMARY KEY("item_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "points_mall_exchanges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"image" text,
	"points" integer NOT NULL,
	"status" text NOT NULL,
	"coupon_id" uuid,
	"order_id" uuid,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "points_mall_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	"title" text NOT NULL,
	"ref_name" text NOT NULL,
	"image" text,
	"description" text DEFAULT '' NOT NULL,
	"coupon_summary" jsonb,
	"market_price_fen" bigint,
	"points_price" integer NOT NULL,
	"stock" integer NOT NULL,
	"exchanged_count" integer DEFAULT 0 NOT NULL,
	"per_customer_limit" integer NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"on_shelf" boolean NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "points_mall_items_stock_ck" CHECK ("points_mall_items"."stock" >= 0),
	CONSTRAINT "points_mall_items_price_ck" CHECK ("points_mall_items"."points_price" > 0)
);
--> statement-breakpoint
ALTER TABLE "loyalty_orders" ADD COLUMN "points_multiplier_pct" integer;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "gift" jsonb;--> statement-breakpoint
CREATE INDEX "loyalty_card_purchases_customer_idx" ON "loyalty_card_purchases" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "loyalty_member_cards_expiry_idx" ON "loyalty_member_cards" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "loyalty_expiry_reminders_created_idx" ON "loyalty_expiry_reminders" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "points_mall_exchanges_idem_uq" ON "points_mall_exchanges" USING btree ("customer_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "points_mall_exchanges_customer_idx" ON "points_mall_exchanges" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "points_mall_exchanges_item_idx" ON "points_mall_exchanges" USING btree ("item_id","created_at");--> statement-breakpoint
CREATE INDEX "points_mall_items_shelf_idx" ON "points_mall_items" USING btree ("on_shelf","sort");