// Runs before every route: only the admin area needs a signed-in user.
import { redirect, type Handle } from '@sveltejs/kit';

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.user = await readSession(event.cookies.get('sid'));
  if (event.url.pathname.startsWith('/admin') && !event.locals.user) {
    throw redirect(303, '/login');
  }
  return resolve(event);
};

async function readSession(sid: string | undefined) {
  return sid ? { id: sid } : null;
}
