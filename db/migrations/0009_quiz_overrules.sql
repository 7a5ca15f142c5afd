CREATE TABLE `quiz_overrules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quiz_answer_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`assignment_id` integer,
	`status` text NOT NULL,
	`requested_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by` integer,
	FOREIGN KEY (`quiz_answer_id`) REFERENCES `quiz_answers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_overrules_quiz_answer_id_unique` ON `quiz_overrules` (`quiz_answer_id`);--> statement-breakpoint
CREATE INDEX `quiz_overrules_assignment` ON `quiz_overrules` (`assignment_id`,`status`);