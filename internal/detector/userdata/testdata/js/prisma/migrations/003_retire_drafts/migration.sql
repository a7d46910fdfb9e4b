/*
  Warnings:
  - You are about to drop the `Callback` table. (Only a comment: Callback stays.)
*/
ALTER TABLE "PromptLog" DROP CONSTRAINT "PromptLog_pkey";
DROP TABLE "PromptLog";
ALTER TABLE "ReplyWindow" RENAME TO "ReplyDraft";
