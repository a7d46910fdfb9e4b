// Imported only by the page's component: its request goes from the
// user's browser too, though it reads no global itself.
export async function save(form: FormData) {
  await fetch('https://api.example-forms.com/submissions', { method: 'POST', body: form });
}
