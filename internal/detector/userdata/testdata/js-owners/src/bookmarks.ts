import { db } from "./db";
import { bookmarksTable, recipesTable } from "./schema";

export async function saveBookmark(ctx: { user: { id: string } }, title: string) {
  return db.insert(bookmarksTable).values({ id: crypto.randomUUID(), title, savedBy: ctx.user.id });
}

export async function addRecipe(title: string) {
  return db.insert(recipesTable).values({ id: crypto.randomUUID(), title, lastEditedBy: null });
}
