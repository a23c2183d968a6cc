CREATE TABLE `customer_versions` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `division_versions` (
	`tenant_id` text NOT NULL,
	`division` integer NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `division`)
);
--> statement-breakpoint
-- Every write to what a division's requests are answered from counts in its division_versions row, in the
-- writing transaction (customers count per tenant): see src/db/schema/change-versions.ts.
CREATE TRIGGER `divisions_counted_insert` AFTER INSERT ON `divisions` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (NEW.`tenant_id`, NEW.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `divisions_counted_update` AFTER UPDATE ON `divisions` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (NEW.`tenant_id`, NEW.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) SELECT OLD.`tenant_id`, OLD.`division`, 1 WHERE OLD.`tenant_id` IS NOT NEW.`tenant_id` OR OLD.`division` IS NOT NEW.`division` ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `divisions_counted_delete` AFTER DELETE ON `divisions` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (OLD.`tenant_id`, OLD.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `division_sync_counted_insert` AFTER INSERT ON `division_sync` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (NEW.`tenant_id`, NEW.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `division_sync_counted_update` AFTER UPDATE ON `division_sync` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (NEW.`tenant_id`, NEW.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) SELECT OLD.`tenant_id`, OLD.`division`, 1 WHERE OLD.`tenant_id` IS NOT NEW.`tenant_id` OR OLD.`division` IS NOT NEW.`division` ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `division_sync_counted_delete` AFTER DELETE ON `division_sync` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (OLD.`tenant_id`, OLD.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `division_settings_counted_insert` AFTER INSERT ON `division_settings` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (NEW.`tenant_id`, NEW.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `division_settings_counted_update` AFTER UPDATE ON `division_settings` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (NEW.`tenant_id`, NEW.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) SELECT OLD.`tenant_id`, OLD.`division`, 1 WHERE OLD.`tenant_id` IS NOT NEW.`tenant_id` OR OLD.`division` IS NOT NEW.`division` ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `division_settings_counted_delete` AFTER DELETE ON `division_settings` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (OLD.`tenant_id`, OLD.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `exact_accounts_counted_insert` AFTER INSERT ON `exact_accounts` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (NEW.`tenant_id`, NEW.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `exact_accounts_counted_update` AFTER UPDATE ON `exact_accounts` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (NEW.`tenant_id`, NEW.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) SELECT OLD.`tenant_id`, OLD.`division`, 1 WHERE OLD.`tenant_id` IS NOT NEW.`tenant_id` OR OLD.`division` IS NOT NEW.`division` ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `exact_accounts_counted_delete` AFTER DELETE ON `exact_accounts` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (OLD.`tenant_id`, OLD.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `links_counted_insert` AFTER INSERT ON `links` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (NEW.`tenant_id`, NEW.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `links_counted_update` AFTER UPDATE ON `links` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (NEW.`tenant_id`, NEW.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) SELECT OLD.`tenant_id`, OLD.`division`, 1 WHERE OLD.`tenant_id` IS NOT NEW.`tenant_id` OR OLD.`division` IS NOT NEW.`division` ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `links_counted_delete` AFTER DELETE ON `links` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (OLD.`tenant_id`, OLD.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `link_events_counted_insert` AFTER INSERT ON `link_events` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (NEW.`tenant_id`, NEW.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `link_events_counted_update` AFTER UPDATE ON `link_events` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (NEW.`tenant_id`, NEW.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) SELECT OLD.`tenant_id`, OLD.`division`, 1 WHERE OLD.`tenant_id` IS NOT NEW.`tenant_id` OR OLD.`division` IS NOT NEW.`division` ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `link_events_counted_delete` AFTER DELETE ON `link_events` BEGIN
	INSERT INTO `division_versions` (`tenant_id`, `division`, `version`) VALUES (OLD.`tenant_id`, OLD.`division`, 1) ON CONFLICT (`tenant_id`, `division`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `zapfloor_customers_counted_insert` AFTER INSERT ON `zapfloor_customers` BEGIN
	INSERT INTO `customer_versions` (`tenant_id`, `version`) VALUES (NEW.`tenant_id`, 1) ON CONFLICT (`tenant_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `zapfloor_customers_counted_update` AFTER UPDATE ON `zapfloor_customers` BEGIN
	INSERT INTO `customer_versions` (`tenant_id`, `version`) VALUES (NEW.`tenant_id`, 1) ON CONFLICT (`tenant_id`) DO UPDATE SET `version` = `version` + 1;
	INSERT INTO `customer_versions` (`tenant_id`, `version`) SELECT OLD.`tenant_id`, 1 WHERE OLD.`tenant_id` IS NOT NEW.`tenant_id` ON CONFLICT (`tenant_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `zapfloor_customers_counted_delete` AFTER DELETE ON `zapfloor_customers` BEGIN
	INSERT INTO `customer_versions` (`tenant_id`, `version`) VALUES (OLD.`tenant_id`, 1) ON CONFLICT (`tenant_id`) DO UPDATE SET `version` = `version` + 1;
END;
