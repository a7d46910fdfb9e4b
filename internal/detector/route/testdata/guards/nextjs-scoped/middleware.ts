import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';

// No matcher: it runs on every path, but refuses only under /admin.
export function middleware(req: NextRequest) {
  if (req.nextUrl.pathname.startsWith('/admin') && !req.cookies.get('session')) {
    return NextResponse.redirect(new URL('/login', req.url));
  }
  return NextResponse.next();
}
