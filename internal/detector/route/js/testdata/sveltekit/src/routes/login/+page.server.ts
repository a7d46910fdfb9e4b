export const actions = { // want: POST /login
  default: async ({ request, cookies }) => {
    const form = await request.formData();
    cookies.set('sid', String(form.get('email')), { path: '/' });
  },
};
