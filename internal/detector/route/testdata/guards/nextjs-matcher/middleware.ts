import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';

// Sends a visitor without a session cookie to the login page, on the
// paths the matcher lists only, except the public status under them.
export function middleware(req: NextRequest) {
  if (req.nextUrl.pathname.startsWith('/dashboard/api/public/')) return NextResponse.next();
  if (!req.cookies.get('session')) {
    return NextResponse.redirect(new URL('/login', req.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/dashboard/:path*', '/editor/:path*'],
};
