import { boolean, integer, pgSchema, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';

export const patrons = pgTable('patrons', { // want: asset user-data patrons email,password_hash
  id: serial('id').primaryKey(),
  email: varchar('email', { length: 255 }).notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  emailVerified: boolean('email_verified').default(false),
  createdAt: timestamp('created_at').notNull().defaultNow(),
});

// Belongs to a patron: a foreign key through references(() => patrons.id).
export const loginEvents = pgTable('login_events', { // want: asset user-data login_events at,kind
  id: serial('id').primaryKey(),
  patronId: integer('patron_id').references(() => patrons.id),
  kind: varchar('kind', { length: 20 }),
  at: timestamp('at').defaultNow(),
});

// Lookalike: a catalogue, nothing personal and no owner.
export const products = pgTable('products', {
  id: serial('id').primaryKey(),
  title: text('title'),
  price: integer('price'),
});

// A table in a named schema, columns from a callback.
const billing = pgSchema('billing');
export const wallets = billing.table('wallets', (t) => ({ // want: asset integrity wallets balance
  id: t.serial('id').primaryKey(),
  balance: t.integer('balance'),
}));
