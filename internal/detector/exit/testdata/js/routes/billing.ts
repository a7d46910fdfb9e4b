import { NextResponse } from 'next/server';

export async function POST(req: Request) {
  const body = await req.json();
  logger.info({ headers: req.headers }, 'billing webhook'); // want: exit log
  try {
    const res = await fetch('https://api.segment.io/v1/track', { // want: exit outbound-call
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ event: 'billing', userId: body.userId }),
    });
    await fetch(`${process.env.INTERNAL_API}/audit`, { method: 'POST', body: JSON.stringify(body) }); // want: exit outbound-call
    await fetch('/api/local', { method: 'POST', body: '{}' });
    await fetch('https://api.github.com/zen');
    return NextResponse.json({ ok: res.ok });
  } catch (e) {
    return NextResponse.json({ error: String(e) }, { status: 500 }); // want: exit error-response
  }
}
