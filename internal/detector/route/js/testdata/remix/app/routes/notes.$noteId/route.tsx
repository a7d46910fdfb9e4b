import { json, redirect } from '@remix-run/node';
import { requireUserId } from '~/session.server';
import { db } from '~/db.server';

export const loader = async ({ params }) => { // want: GET /notes/{noteId}; auth GET /notes/{noteId} none
  return json(await db.note.findUnique({ where: { id: params.noteId } }));
};

export const action = async ({ request, params }) => { // want: POST /notes/{noteId}; auth POST /notes/{noteId} required
  const userId = await requireUserId(request);
  await db.note.deleteMany({ where: { id: params.noteId, userId } });
  return redirect('/notes');
};
