CREATE TABLE `course_labs` (
	`lab_id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	`yaml` text NOT NULL,
	`content_hash` text NOT NULL,
	`author_id` text NOT NULL,
	`published_at` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `course_labs_course_idx` ON `course_labs` (`course_id`);