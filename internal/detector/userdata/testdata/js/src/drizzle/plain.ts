import { pgTable, serial, text } from 'drizzle-orm/pg-core';

// Nothing here but Drizzle's import names this file's tables.
export const mailboxes = pgTable('mailboxes', { // want: asset user-data mailboxes address
  id: serial('id').primaryKey(),
  address: text('address').notNull(),
});
