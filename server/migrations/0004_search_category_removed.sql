ALTER TABLE "search_categories" ADD COLUMN "removed" boolean DEFAULT false NOT NULL;
