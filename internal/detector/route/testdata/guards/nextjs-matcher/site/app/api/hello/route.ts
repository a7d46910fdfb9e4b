// A middleware that rejects no one runs on every path: what a library it
// could wrap does is not known, so neither is this route's auth.
export async function GET() { // want: GET /api/hello auth=unknown
  return Response.json({ hello: 'world' });
}
