export async function GET() { // want: GET /api/hello
  return Response.json({ hello: 'world' });
}
