export async function action({ request }) { // want: POST /login
  const form = await request.formData();
  return form.get('email');
}
