ALTER TABLE `oauth_states` ADD `browser_hash` text;--> statement-breakpoint
ALTER TABLE `oauth_states` ADD `received_at` integer;--> statement-breakpoint
ALTER TABLE `oauth_states` ADD `pending_tokens_enc` text;--> statement-breakpoint
ALTER TABLE `oauth_states` ADD `pending_preview` text;