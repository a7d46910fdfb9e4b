// Server actions: every export of a 'use server' module is posted to by
// the browser, whatever the page.
'use server';

import { revalidatePath } from 'next/cache';
import { db } from '../../lib/db';
import { withSchema } from '../../lib/schema';

export async function saveNote(form: FormData) { // want: POST /saveNote
  await db.note.create({ data: { text: String(form.get('text')) } });
  revalidatePath('/notes');
}

export const archiveNote = async (id: string) => { // want: POST /archiveNote
  await db.note.update({ where: { id }, data: { archived: true } });
};

export const renameNote = withSchema(async (input: { id: string; title: string }) => { // want: POST /renameNote
  await db.note.update({ where: { id: input.id }, data: { title: input.title } });
});

async function purgeAll() { // want: POST /purgeNotes
  await db.note.deleteMany({});
}

// Not exported: callable only from the actions above.
async function audit(event: string) {
  await db.audit.create({ data: { event } });
}

export { purgeAll as purgeNotes };
