export async function GET(req: Request) { // want: GET /api/billing; auth GET /api/billing none
  return Response.json({ plans: [] });
}

export async function POST(req: Request) { // want: POST /api/billing; auth POST /api/billing required
  if (!req.headers.get('authorization')) return new Response('sign in', { status: 401 });
  return Response.json({ ok: true });
}
