import { NextResponse } from 'next/server';
import { auth } from '@/auth';

export async function GET(req: Request, { params }: { params: { id: string } }) { // want: GET /api/users/{id}; auth GET /api/users/{id} none
  return NextResponse.json({ id: params.id });
}

export async function PATCH(req: Request, { params }: { params: { id: string } }) { // want: PATCH /api/users/{id}; auth PATCH /api/users/{id} required
  const session = await auth();
  if (!session) return new Response(null, { status: 401 });
  return NextResponse.json({ id: parseInt(params.id) });
}

export const dynamic = 'force-dynamic';
