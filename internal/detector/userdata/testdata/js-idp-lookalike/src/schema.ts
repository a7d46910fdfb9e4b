import { pgTable, text, varchar } from "drizzle-orm/pg-core";

// A public feed: userId is the author's public handle, typed in the
// request body, never read from a signed-in session; no accounts.
export const posts = pgTable("posts", {
  id: varchar("id", { length: 30 }).primaryKey(),
  userId: varchar("user_id", { length: 36 }).notNull(),
  title: text("title").notNull(),
});

// Replies to a post: nobody's either.
export const replies = pgTable("replies", {
  id: varchar("id", { length: 30 }).primaryKey(),
  postId: varchar("post_id", { length: 30 }).references(() => posts.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
});
