// Under the matcher: the middleware runs first.
export async function POST(req: Request) { // want: POST /dashboard/api/export auth=required
  const body = await req.json();
  return Response.json(body);
}
