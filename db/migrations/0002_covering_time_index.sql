DROP INDEX `review_logs_user_time`;--> statement-breakpoint
CREATE INDEX `review_logs_user_time` ON `review_logs` (`user_id`,`reviewed_at`,`undone_at`,`duration_ms`,`state_before`,`rating`,`source`);