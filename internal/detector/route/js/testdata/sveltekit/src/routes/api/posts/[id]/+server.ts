import { error, json } from '@sveltejs/kit';
import { db } from '$lib/db';

export async function DELETE({ params, locals }) { // want: DELETE /api/posts/{id}; auth DELETE /api/posts/{id} required
  if (!locals.user) throw error(401, 'sign in');
  await db.post.delete({ where: { id: params.id } });
  return new Response(null, { status: 204 });
}
