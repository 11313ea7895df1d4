CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_started_at` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `attempts` ADD `aws_access_key_id` text;--> statement-breakpoint
ALTER TABLE `attempts` ADD `aws_secret_access_key` text;--> statement-breakpoint
ALTER TABLE `attempts` ADD `closed_at` integer;