import { integer, pgTable, text, varchar } from "drizzle-orm/pg-core";

// Users live in a sign-in provider: no users table. A shop's user_id is
// compared with the signed-in caller's id (actions/shops.ts), so the
// shop is the caller's. want: asset user-data shops name,slug
export const shops = pgTable("shops", {
  id: varchar("id", { length: 30 }).primaryKey(),
  userId: varchar("user_id", { length: 36 }).notNull(),
  name: text("name").notNull(),
  slug: text("slug").notNull(),
});

// Declared key to an owned shop: the shop owner's.
// want: asset user-data listings price,title
export const listings = pgTable("listings", {
  id: varchar("id", { length: 30 }).primaryKey(),
  shopId: varchar("shop_id", { length: 30 })
    .references(() => shops.id, { onDelete: "cascade" })
    .notNull(),
  title: text("title").notNull(),
  price: integer("price").notNull(),
});

// Owned through a listing. want: asset user-data listing_photos caption
export const listingPhotos = pgTable("listing_photos", {
  id: varchar("id", { length: 30 }).primaryKey(),
  listingId: varchar("listing_id", { length: 30 }).references(() => listings.id, { onDelete: "cascade" }),
  caption: text("caption"),
});

// A global lookup table nobody owns.
export const regions = pgTable("regions", {
  id: varchar("id", { length: 30 }).primaryKey(),
  label: text("label").notNull(),
});
