ALTER TABLE `quiz_answers` ADD `accepted_as` text;--> statement-breakpoint
ALTER TABLE `quiz_answers` ADD `accepted_rule` text;--> statement-breakpoint
ALTER TABLE `typed_answers` ADD `client_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `typed_answers_user_client` ON `typed_answers` (`user_id`,`client_id`);