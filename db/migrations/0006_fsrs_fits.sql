CREATE TABLE `fsrs_fits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`scope_id` integer,
	`scope_key` text,
	`adopted` integer NOT NULL,
	`reason` text NOT NULL,
	`weights` text,
	`items` integer NOT NULL,
	`train_items` integer NOT NULL,
	`test_items` integer NOT NULL,
	`log_loss_before` real,
	`rmse_before` real,
	`log_loss_after` real,
	`rmse_after` real,
	`reviews` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`fitted_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `fsrs_fits_scope` ON `fsrs_fits` (`scope`,`scope_id`,`scope_key`,`fitted_at`);--> statement-breakpoint
ALTER TABLE `user_settings` ADD `fsrs_source` text DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE `user_settings` ADD `fsrs_fit_id` integer;