CREATE TABLE `assignment_quiz_attempts` (
	`assignment_id` integer NOT NULL,
	`attempt_id` integer NOT NULL,
	`legacy` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`assignment_id`, `attempt_id`),
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attempt_id`) REFERENCES `quiz_attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assignment_quiz_attempts_attempt` ON `assignment_quiz_attempts` (`attempt_id`);--> statement-breakpoint
ALTER TABLE `assignments` ADD `quiz_section_keys` text;--> statement-breakpoint
ALTER TABLE `assignments` ADD `quiz_questions` integer;--> statement-breakpoint
ALTER TABLE `assignments` ADD `quiz_types` text;--> statement-breakpoint
ALTER TABLE `assignments` ADD `quiz_attempts` integer;--> statement-breakpoint
ALTER TABLE `assignments` ADD `quiz_feedback` text DEFAULT 'end' NOT NULL;