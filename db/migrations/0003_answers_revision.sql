ALTER TABLE `assessments` ADD `revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written below (drizzle-kit does not manage triggers): every change to what an assessment's
-- score is computed from moves its revision on, whichever code made the change.
CREATE TRIGGER `answers_insert_revision` AFTER INSERT ON `answers` BEGIN
	UPDATE `assessments` SET `revision` = `revision` + 1 WHERE `id` = NEW.`assessment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `answers_update_revision` AFTER UPDATE ON `answers` BEGIN
	UPDATE `assessments` SET `revision` = `revision` + 1 WHERE `id` = NEW.`assessment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `answers_delete_revision` AFTER DELETE ON `answers` BEGIN
	UPDATE `assessments` SET `revision` = `revision` + 1 WHERE `id` = OLD.`assessment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `assessor_ratings_insert_revision` AFTER INSERT ON `assessor_ratings` BEGIN
	UPDATE `assessments` SET `revision` = `revision` + 1 WHERE `id` = NEW.`assessment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `assessor_ratings_update_revision` AFTER UPDATE ON `assessor_ratings` BEGIN
	UPDATE `assessments` SET `revision` = `revision` + 1 WHERE `id` = NEW.`assessment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `assessor_ratings_delete_revision` AFTER DELETE ON `assessor_ratings` BEGIN
	UPDATE `assessments` SET `revision` = `revision` + 1 WHERE `id` = OLD.`assessment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `special_items_insert_revision` AFTER INSERT ON `special_items` BEGIN
	UPDATE `assessments` SET `revision` = `revision` + 1 WHERE `id` = NEW.`assessment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `special_items_update_revision` AFTER UPDATE ON `special_items` BEGIN
	UPDATE `assessments` SET `revision` = `revision` + 1 WHERE `id` = NEW.`assessment_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `special_items_delete_revision` AFTER DELETE ON `special_items` BEGIN
	UPDATE `assessments` SET `revision` = `revision` + 1 WHERE `id` = OLD.`assessment_id`;
END;
