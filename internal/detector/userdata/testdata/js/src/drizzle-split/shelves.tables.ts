import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { binsTable } from './bins.tables';
import { crewMatesTable } from './crew.tables';

// Owned through a key to the crew_mates table, declared in another file.
export const shelvesTable = sqliteTable('shelves', { // want: asset user-data shelves label,position
  id: text('id').primaryKey(),
  mateId: text('mate_id').notNull().references(() => crewMatesTable.id, { onDelete: 'cascade' }),
  label: text('label').notNull(),
  position: integer('position'),
});

// Lookalike: a key to another file's table that is no person's.
export const slotsTable = sqliteTable('slots', {
  id: text('id').primaryKey(),
  binId: text('bin_id').notNull().references(() => binsTable.id, { onDelete: 'cascade' }),
  label: text('label').notNull(),
});
