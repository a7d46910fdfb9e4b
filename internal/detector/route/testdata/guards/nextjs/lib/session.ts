import { cookies } from 'next/headers';
import { verify } from './token';

// Resolves the caller from the session cookie: null when there is none.
export async function currentUser() {
  const raw = cookies().get('session')?.value;
  return raw ? verify(raw) : null;
}

// Every API handler calls this first; it answers 401 without a session.
export async function parseRequest(request: Request) {
  const user = await currentUser();
  if (!user) {
    return { user: null, error: () => Response.json({ error: 'unauthorized' }, { status: 401 }) };
  }
  return { user, error: null };
}

// Reports whether a session exists: used to vary a response only.
export async function isAuthenticated() {
  return (await currentUser()) !== null;
}
