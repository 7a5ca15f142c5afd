CREATE TABLE `assignment_extensions` (
	`assignment_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`due_at` integer NOT NULL,
	`granted_by` integer,
	`granted_at` integer NOT NULL,
	PRIMARY KEY(`assignment_id`, `user_id`),
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`granted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assignment_extensions_user` ON `assignment_extensions` (`user_id`);--> statement-breakpoint
CREATE TABLE `class_instructors` (
	`class_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`added_by` integer,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`class_id`, `user_id`),
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `class_instructors_user` ON `class_instructors` (`user_id`);