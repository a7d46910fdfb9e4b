// Browser code that calls the API.
export async function loadPosts() {
  const res = await fetch('/api/posts', { headers: { accept: 'application/json' } });
  return res.json();
}
// router.get('/commented-out', handler)
