// Outside it: the middleware lets every caller through.
export async function GET() { // want: GET /api/feed auth=none
  return Response.json([]);
}
