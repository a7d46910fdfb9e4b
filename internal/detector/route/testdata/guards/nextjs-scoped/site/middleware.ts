import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';

// Refuses everyone without a session, and non-admins under /admin: the
// scoped test does not make the first refusal scoped.
export function middleware(req: NextRequest) {
  if (!req.cookies.get('session')) {
    return NextResponse.redirect(new URL('/login', req.url));
  }
  if (req.nextUrl.pathname.startsWith('/admin') && !req.cookies.get('admin')) {
    return NextResponse.redirect(new URL('/login', req.url));
  }
  return NextResponse.next();
}
