// Under the matcher, but the middleware lets it through first.
export async function GET() { // want: GET /dashboard/api/public/status auth=none
  return Response.json({ ok: true });
}
