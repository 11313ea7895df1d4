ALTER TABLE `attempts` ADD `revealed_hints` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `attempts` ADD `submission_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Until now the count was read as `version - 1`; count what each attempt actually has.
UPDATE `attempts` SET `submission_count` = (SELECT count(*) FROM `submissions` WHERE `submissions`.`attempt_id` = `attempts`.`id`);
