CREATE TABLE `exam_answers` (
	`session_id` text NOT NULL,
	`item_id` text NOT NULL,
	`value` text NOT NULL,
	`saved_at` integer NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`session_id`, `item_id`),
	FOREIGN KEY (`session_id`) REFERENCES `exam_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `exam_regrades` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`exam_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text,
	`reason` text NOT NULL,
	`changes` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `exam_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `exam_regrades_session_idx` ON `exam_regrades` (`session_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `exam_regrades_exam_idx` ON `exam_regrades` (`exam_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `exam_results` (
	`session_id` text PRIMARY KEY NOT NULL,
	`result` text NOT NULL,
	`score` real NOT NULL,
	`passed` integer NOT NULL,
	`graded_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `exam_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `exam_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`exam_id` text NOT NULL,
	`exam_hash` text NOT NULL,
	`paper` text NOT NULL,
	`started_at` integer NOT NULL,
	`deadline` integer NOT NULL,
	`extension_minutes` integer DEFAULT 0 NOT NULL,
	`submitted_at` integer,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `exam_sessions_user_exam_idx` ON `exam_sessions` (`user_id`,`exam_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `exam_sessions_exam_idx` ON `exam_sessions` (`exam_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `exam_sessions_one_active_unique` ON `exam_sessions` (`user_id`) WHERE "exam_sessions"."status" = 'active';--> statement-breakpoint
CREATE TABLE `exam_voided_items` (
	`exam_id` text NOT NULL,
	`item_id` text NOT NULL,
	`actor_id` text,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`exam_id`, `item_id`),
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
