CREATE TABLE `account_creations` (
	`tenant_id` text NOT NULL,
	`division` integer NOT NULL,
	`customer_number` text NOT NULL,
	`state` text NOT NULL,
	`owner` text NOT NULL,
	`lease_until` integer NOT NULL,
	`exact_id` text,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	PRIMARY KEY(`tenant_id`, `division`, `customer_number`)
);
--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`role` text NOT NULL,
	`label` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	`last_used_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_tenant` ON `api_tokens` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `division_settings` (
	`tenant_id` text NOT NULL,
	`division` integer NOT NULL,
	`sales_journal` text,
	`credit_note_journal` text,
	`gl_mapping` text NOT NULL,
	`vat_mapping` text NOT NULL,
	`auto_create` integer DEFAULT true NOT NULL,
	`non_customer_match` text DEFAULT 'review' NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`tenant_id`, `division`)
);
--> statement-breakpoint
CREATE TABLE `division_sync` (
	`tenant_id` text NOT NULL,
	`division` integer NOT NULL,
	`accounts_timestamp` text,
	`deleted_timestamp` text,
	`status` text DEFAULT 'idle' NOT NULL,
	`running_kind` text,
	`lease_owner` text,
	`lease_until` integer,
	`progress_done` integer DEFAULT 0 NOT NULL,
	`last_started_at` integer,
	`last_full_at` integer,
	`last_completed_at` integer,
	`last_kind` text,
	`last_calls` integer,
	`last_changed` integer,
	`last_error` text,
	PRIMARY KEY(`tenant_id`, `division`)
);
--> statement-breakpoint
CREATE TABLE `divisions` (
	`tenant_id` text NOT NULL,
	`division` integer NOT NULL,
	`connection_id` text NOT NULL,
	`name` text NOT NULL,
	`country` text,
	`is_current` integer DEFAULT false NOT NULL,
	`accessible` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `division`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`connection_id`) REFERENCES `exact_connections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `exact_accounts` (
	`tenant_id` text NOT NULL,
	`division` integer NOT NULL,
	`id` text NOT NULL,
	`code` text,
	`code_key` text,
	`search_code` text,
	`search_code_key` text,
	`name` text NOT NULL,
	`vat_number` text,
	`vat_key` text,
	`chamber_of_commerce` text,
	`company_number_key` text,
	`status` text,
	`is_supplier` integer NOT NULL,
	`is_sales` integer NOT NULL,
	`blocked` integer NOT NULL,
	`email` text,
	`city` text,
	`country` text,
	`exact_timestamp` text,
	`exact_modified_at` integer,
	`mirrored_at` integer NOT NULL,
	`deleted_at` integer,
	PRIMARY KEY(`tenant_id`, `division`, `id`)
);
--> statement-breakpoint
CREATE INDEX `exact_accounts_vat` ON `exact_accounts` (`tenant_id`,`division`,`vat_key`);--> statement-breakpoint
CREATE INDEX `exact_accounts_code` ON `exact_accounts` (`tenant_id`,`division`,`code_key`);--> statement-breakpoint
CREATE INDEX `exact_accounts_search_code` ON `exact_accounts` (`tenant_id`,`division`,`search_code_key`);--> statement-breakpoint
CREATE INDEX `exact_accounts_company_number` ON `exact_accounts` (`tenant_id`,`division`,`company_number_key`);--> statement-breakpoint
CREATE INDEX `exact_accounts_name` ON `exact_accounts` (`tenant_id`,`division`,`name`);--> statement-breakpoint
CREATE TABLE `exact_connections` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`host` text NOT NULL,
	`exact_user_id` text,
	`user_name` text,
	`status` text NOT NULL,
	`access_token_enc` text NOT NULL,
	`access_token_expires_at` integer NOT NULL,
	`access_token_issued_at` integer NOT NULL,
	`refresh_token_enc` text NOT NULL,
	`refresh_token_issued_at` integer NOT NULL,
	`token_version` integer NOT NULL,
	`refresh_lease_owner` text,
	`refresh_lease_until` integer,
	`last_refresh_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exact_connections_tenant_id_unique` ON `exact_connections` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `exact_reference_data` (
	`tenant_id` text NOT NULL,
	`division` integer NOT NULL,
	`kind` text NOT NULL,
	`data` text NOT NULL,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `division`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`until` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `link_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`division` integer NOT NULL,
	`action` text NOT NULL,
	`customer_number` text NOT NULL,
	`exact_id` text NOT NULL,
	`method` text NOT NULL,
	`actor` text NOT NULL,
	`at` integer NOT NULL,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `link_events_division` ON `link_events` (`tenant_id`,`division`,`id`);--> statement-breakpoint
CREATE TABLE `links` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`division` integer NOT NULL,
	`customer_number` text NOT NULL,
	`exact_id` text NOT NULL,
	`method` text NOT NULL,
	`linked_by` text NOT NULL,
	`linked_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `links_customer` ON `links` (`tenant_id`,`division`,`customer_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `links_account` ON `links` (`tenant_id`,`division`,`exact_id`);--> statement-breakpoint
CREATE TABLE `oauth_states` (
	`state_hash` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`host` text NOT NULL,
	`return_to` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rate_budgets` (
	`key` text PRIMARY KEY NOT NULL,
	`minutely_limit` integer NOT NULL,
	`minutely_remaining` integer NOT NULL,
	`minutely_reset_at` integer NOT NULL,
	`daily_limit` integer NOT NULL,
	`daily_remaining` integer NOT NULL,
	`daily_reset_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sales_entries` (
	`tenant_id` text NOT NULL,
	`division` integer NOT NULL,
	`invoice_number` text NOT NULL,
	`body_hash` text NOT NULL,
	`body` text NOT NULL,
	`customer_number` text NOT NULL,
	`type` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`last_error` text,
	`last_error_details` text,
	`exact_account_id` text,
	`exact_entry_id` text,
	`exact_entry_number` integer,
	`pushed_at` integer,
	`outstanding` text,
	`paid_at` integer,
	`paid_checked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `division`, `invoice_number`)
);
--> statement-breakpoint
CREATE INDEX `sales_entries_due` ON `sales_entries` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `sales_entries_division_state` ON `sales_entries` (`tenant_id`,`division`,`state`);--> statement-breakpoint
CREATE TABLE `tenants` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `zapfloor_customers` (
	`tenant_id` text NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`vat_number` text,
	`vat_key` text,
	`company_number` text,
	`email` text,
	`country` text,
	`address` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `number`)
);
--> statement-breakpoint
CREATE INDEX `zapfloor_customers_vat` ON `zapfloor_customers` (`tenant_id`,`vat_key`);--> statement-breakpoint
CREATE INDEX `zapfloor_customers_name` ON `zapfloor_customers` (`tenant_id`,`name_key`);