CREATE TABLE "catalog_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"icon" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_collections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"mode" text NOT NULL,
	"product_ids" jsonb NOT NULL,
	"rule" jsonb,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created_products" integer DEFAULT 0 NOT NULL,
	"updated_products" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"has_error_report" boolean DEFAULT false NOT NULL,
	"message" text,
	"created_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "catalog_products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"subtitle" text DEFAULT '' NOT NULL,
	"category_id" uuid NOT NULL,
	"tags" jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"images" jsonb NOT NULL,
	"specs" jsonb NOT NULL,
	"purchase_limit" integer,
	"status" text NOT NULL,
	"scheduled_on_sale_at" timestamp with time zone,
	"scheduled_off_sale_at" timestamp with time zone,
	"price_min_fen" bigint NOT NULL,
	"price_max_fen" bigint NOT NULL,
	"sales" integer DEFAULT 0 NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "catalog_skus" (
	"id" uuid PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"code" text NOT NULL,
	"spec_values" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"price_fen" bigint NOT NULL,
	"list_price_fen" bigint,
	"cost_price_fen" bigint,
	"weight_grams" integer,
	"barcode" text,
	"image_url" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_levels" (
	"sku_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inventory_levels_sku_id_location_id_pk" PRIMARY KEY("sku_id","location_id"),
	CONSTRAINT "inventory_levels_on_hand_nonneg" CHECK ("inventory_levels"."on_hand" >= 0),
	CONSTRAINT "inventory_levels_reserved_nonneg" CHECK ("inventory_levels"."reserved" >= 0),
	CONSTRAINT "inventory_levels_reserved_le_on_hand" CHECK ("inventory_levels"."reserved" <= "inventory_levels"."on_hand")
);
--> statement-breakpoint
CREATE TABLE "inventory_locations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inventory_locations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE INDEX "catalog_categories_parent_idx" ON "catalog_categories" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "catalog_products_category_idx" ON "catalog_products" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "catalog_products_updated_idx" ON "catalog_products" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "catalog_products_status_idx" ON "catalog_products" USING btree ("status");--> statement-breakpoint
CREATE INDEX "catalog_products_on_sale_at_idx" ON "catalog_products" USING btree ("scheduled_on_sale_at");--> statement-breakpoint
CREATE INDEX "catalog_products_off_sale_at_idx" ON "catalog_products" USING btree ("scheduled_off_sale_at");--> statement-breakpoint
CREATE INDEX "catalog_products_title_idx" ON "catalog_products" USING btree ("title");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_skus_code_uq" ON "catalog_skus" USING btree ("code");--> statement-breakpoint
CREATE INDEX "catalog_skus_product_idx" ON "catalog_skus" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "inventory_levels_location_idx" ON "inventory_levels" USING btree ("location_id");