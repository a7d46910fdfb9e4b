import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

// A warehouse's bins: nobody's.
export const binsTable = sqliteTable('bins', {
  id: text('id').primaryKey(),
  aisle: text('aisle').notNull(),
});
