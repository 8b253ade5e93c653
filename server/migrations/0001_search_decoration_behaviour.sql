CREATE TABLE "search_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_id" text,
	"depth" integer NOT NULL,
	"pinyin" text NOT NULL,
	"initials" text NOT NULL,
	"name_at" timestamp with time zone NOT NULL,
	"product_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_collections" (
	"id" text PRIMARY KEY NOT NULL,
	"revision" integer NOT NULL,
	"name" text NOT NULL,
	"mode" text NOT NULL,
	"product_ids" text[] NOT NULL,
	"rule" jsonb,
	"removed" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"product_id" text PRIMARY KEY NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"subtitle" text NOT NULL,
	"image" text,
	"category_id" text,
	"category_ids" text[] NOT NULL,
	"tags" text[] NOT NULL,
	"price_min_fen" bigint NOT NULL,
	"price_max_fen" bigint NOT NULL,
	"list_price_fen" bigint,
	"in_stock" boolean NOT NULL,
	"stock_total" integer NOT NULL,
	"sales" integer NOT NULL,
	"rating" double precision,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"tokens" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_history" (
	"shopper_id" uuid NOT NULL,
	"q" text NOT NULL,
	"searched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "search_history_shopper_id_q_pk" PRIMARY KEY("shopper_id","q")
);
--> statement-breakpoint
CREATE TABLE "search_hot_words" (
	"word" text PRIMARY KEY NOT NULL,
	"sort" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_synonym_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"terms" text[] NOT NULL,
	"sort" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_tags" (
	"tag" text PRIMARY KEY NOT NULL,
	"pinyin" text NOT NULL,
	"initials" text NOT NULL,
	"product_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decoration_page_versions" (
	"page_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"blocks" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"restored_from" integer,
	CONSTRAINT "decoration_page_versions_page_id_version_pk" PRIMARY KEY("page_id","version")
);
--> statement-breakpoint
CREATE TABLE "decoration_pages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"draft" jsonb NOT NULL,
	"published_version" integer,
	"dirty" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "decoration_pages_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "behaviour_events" (
	"customer_key" text NOT NULL,
	"id" uuid NOT NULL,
	"shopper_id" uuid,
	"anonymous_id" text,
	"type" text NOT NULL,
	"props" jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "behaviour_events_customer_key_id_pk" PRIMARY KEY("customer_key","id")
);
--> statement-breakpoint
CREATE INDEX "search_documents_tokens_gin" ON "search_documents" USING gin ("tokens");--> statement-breakpoint
CREATE INDEX "search_documents_category_ids_gin" ON "search_documents" USING gin ("category_ids");--> statement-breakpoint
CREATE INDEX "search_documents_tags_gin" ON "search_documents" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "search_documents_sales_idx" ON "search_documents" USING btree ("status","sales","product_id");--> statement-breakpoint
CREATE INDEX "search_documents_created_idx" ON "search_documents" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "search_documents_price_idx" ON "search_documents" USING btree ("status","price_min_fen");--> statement-breakpoint
CREATE INDEX "search_history_recent_idx" ON "search_history" USING btree ("shopper_id","searched_at");--> statement-breakpoint
CREATE INDEX "behaviour_events_occurred_idx" ON "behaviour_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "behaviour_events_anonymous_idx" ON "behaviour_events" USING btree ("anonymous_id","occurred_at");