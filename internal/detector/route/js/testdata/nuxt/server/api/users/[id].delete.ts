export default defineEventHandler(async (event) => { // want: DELETE /api/users/{id}; auth DELETE /api/users/{id} required
  const id = getRouterParam(event, 'id');
  await useDb().delete('users').where({ id });
  return { ok: true };
});
