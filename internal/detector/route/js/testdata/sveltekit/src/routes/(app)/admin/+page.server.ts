import { db } from '$lib/db';

export const load = async () => { // want: GET /admin; auth GET /admin required
  return { users: await db.user.findMany() };
};

export const actions = { // want: POST /admin
  ban: async ({ request }) => {
    const form = await request.formData();
    await db.user.update({ where: { id: String(form.get('id')) }, data: { banned: true } });
  },
};
