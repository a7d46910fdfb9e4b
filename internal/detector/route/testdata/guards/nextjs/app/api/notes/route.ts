import { parseRequest } from '@/lib/session';

export async function GET(request: Request) { // want: GET /api/notes auth=required
  const { user, error } = await parseRequest(request);
  if (error) return error();
  return Response.json(await listNotes(user.id));
}

export async function POST(request: Request) { // want: POST /api/notes auth=required
  const { user, error } = await parseRequest(request);
  if (error) return error();
  return Response.json(await createNote(user.id, await request.json()));
}
