import { sqliteTableCreator, text, integer } from 'drizzle-orm/sqlite-core';

// A table creator's tables (create-t3-app's createTable).
export const createTable = sqliteTableCreator((name) => `app_${name}`);

export const deviceKeys = createTable('device_key', { // want: asset user-data device_key session_token
  sessionToken: text('session_token').primaryKey(),
  userId: text('user_id').notNull(),
  expires: integer('expires', { mode: 'timestamp' }).notNull(),
});
