// Outside the middleware's matcher: nothing guards it.
export async function GET(req: Request) { // want: GET /api/og auth=none
  const title = new URL(req.url).searchParams.get('title') ?? '';
  return new Response(title);
}
