ALTER TABLE `sales_entries` ADD `post_sent_at` integer;--> statement-breakpoint
CREATE INDEX `api_tokens_revoked` ON `api_tokens` (`revoked_at`);