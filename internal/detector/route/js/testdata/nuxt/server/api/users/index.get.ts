export default defineEventHandler(async () => { // want: GET /api/users; auth GET /api/users none
  return await useDb().select().from('users');
});
