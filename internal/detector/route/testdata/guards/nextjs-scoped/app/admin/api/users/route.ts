// Under the prefix the middleware refuses on.
export async function GET() { // want: GET /admin/api/users auth=required
  return Response.json([]);
}
