import { getServerSession } from 'next-auth';
import { authOptions } from '../../../lib/auth-options';

export async function DELETE() { // want: DELETE /api/account auth=required
  const session = await getServerSession(authOptions);
  if (!session) {
    return new Response('sign in first', { status: 401 });
  }
  await deleteAccount(session.user.id);
  return new Response(null, { status: 204 });
}
