ALTER TABLE `zapfloor_customers` ADD `number_key` text;--> statement-breakpoint
ALTER TABLE `zapfloor_customers` ADD `company_number_key` text;--> statement-breakpoint
CREATE INDEX `zapfloor_customers_number_key` ON `zapfloor_customers` (`tenant_id`,`number_key`);--> statement-breakpoint
CREATE INDEX `zapfloor_customers_company_number` ON `zapfloor_customers` (`tenant_id`,`company_number_key`);--> statement-breakpoint
CREATE INDEX `zapfloor_customers_updated` ON `zapfloor_customers` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `exact_accounts_mirrored` ON `exact_accounts` (`tenant_id`,`division`,`mirrored_at`);--> statement-breakpoint
CREATE INDEX `exact_accounts_deleted` ON `exact_accounts` (`tenant_id`,`division`,`deleted_at`);