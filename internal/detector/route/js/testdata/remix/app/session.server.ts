import { redirect } from '@remix-run/node';

// Refuses a visitor without a signed-in user: sends them to the login page.
export async function requireUserId(request: Request) {
  const userId = await getUserId(request);
  if (!userId) {
    throw redirect('/login');
  }
  return userId;
}

async function getUserId(request: Request) {
  return request.headers.get('cookie');
}
