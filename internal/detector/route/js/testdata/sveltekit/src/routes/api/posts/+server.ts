import { json } from '@sveltejs/kit';
import { db } from '$lib/db';

export async function GET() { // want: GET /api/posts; auth GET /api/posts none
  return json(await db.post.findMany());
}

export const POST = async ({ request }) => { // want: POST /api/posts
  const body = await request.json();
  return json(await db.post.create({ data: body }), { status: 201 });
};
