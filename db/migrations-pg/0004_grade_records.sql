ALTER TABLE "quiz_answers" ADD COLUMN "accepted_as" text;--> statement-breakpoint
ALTER TABLE "quiz_answers" ADD COLUMN "accepted_rule" text;--> statement-breakpoint
ALTER TABLE "typed_answers" ADD COLUMN "client_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "typed_answers_user_client" ON "typed_answers" USING btree ("user_id","client_id");