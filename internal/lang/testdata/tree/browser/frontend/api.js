export async function list() {
  return fetch(`${base}items/`).then((r) => r.json());
}

const base = document.documentElement.dataset.apiBase || "/api/";
export const client = { list };
