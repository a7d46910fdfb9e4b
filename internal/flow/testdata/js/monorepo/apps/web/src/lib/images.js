// Icons are fetched only from the hosts the routes list.
export async function fetchIcon(src) {
  const r = await fetch(src, { headers: { Accept: 'image/*' } });
  return r.ok ? r.arrayBuffer() : null;
}

export async function fetchImage(src) {
  const r = await fetch(src); // want: ssrf via=query
  return r.ok ? r.arrayBuffer() : null;
}
