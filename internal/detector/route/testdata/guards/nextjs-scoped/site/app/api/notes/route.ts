// Outside /admin, still behind the unscoped refusal.
export async function GET() { // want: GET /api/notes auth=required
  return Response.json([]);
}
