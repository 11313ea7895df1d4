CREATE TABLE `lti_exam_links` (
	`user_id` text NOT NULL,
	`exam_id` text NOT NULL,
	`platform_id` text NOT NULL,
	`subject` text NOT NULL,
	`line_item_url` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `exam_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`platform_id`) REFERENCES `lti_platforms`(`id`) ON UPDATE no action ON DELETE cascade
);
