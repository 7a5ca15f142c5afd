CREATE TABLE `card_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`card_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`source` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`reply` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`handled_at` integer,
	`handled_by` integer,
	`seen_at` integer,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`handled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `card_reports_one_open` ON `card_reports` (`user_id`,`card_id`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `card_reports_card` ON `card_reports` (`card_id`,`status`);--> statement-breakpoint
CREATE INDEX `card_reports_user` ON `card_reports` (`user_id`,`status`);