import { isAuthenticated } from '../../../lib/session';

export async function GET() { // want: GET /api/feed auth=none
  const member = await isAuthenticated();
  return Response.json({ posts: await publicPosts(), showDrafts: member });
}
