CREATE TABLE `review_choices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`card_id` integer NOT NULL,
	`client_id` text NOT NULL,
	`choice` integer NOT NULL,
	`correct` integer NOT NULL,
	`answered_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_choices_card` ON `review_choices` (`card_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `review_choices_user_client` ON `review_choices` (`user_id`,`client_id`);