import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const crewMatesTable = sqliteTable('crew_mates', { // want: asset user-data crew_mates email
  id: text('id').primaryKey(),
  email: text('email').notNull(),
});
