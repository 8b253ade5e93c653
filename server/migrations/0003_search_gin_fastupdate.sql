DROP INDEX "search_documents_tokens_gin";--> statement-breakpoint
CREATE INDEX "search_documents_tokens_gin" ON "search_documents" USING gin ("tokens") WITH (fastupdate=false);