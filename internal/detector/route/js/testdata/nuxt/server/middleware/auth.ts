// Runs before every server route: API writes need a session.
export default defineEventHandler(async (event) => {
  if (event.path.startsWith('/api/users') && event.method === 'DELETE') {
    const session = await getUserSession(event);
    if (!session.user) {
      throw createError({ statusCode: 401, statusMessage: 'Unauthorized' });
    }
  }
});
