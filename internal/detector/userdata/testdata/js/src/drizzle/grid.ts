// Lookalike: a UI table builder, not Drizzle's: nothing here is stored.
import { createTable } from '@tanstack/table-core';

export const grid = createTable('accounts', { email: text('email'), password: text('password') });

function text(name: string) {
  return { name };
}
