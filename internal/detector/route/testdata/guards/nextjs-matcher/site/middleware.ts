import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';

// Picks a locale; turns no one away.
export function middleware(req: NextRequest) {
  const res = NextResponse.next();
  if (!req.cookies.get('locale')) {
    res.cookies.set('locale', 'en');
  }
  return res;
}
