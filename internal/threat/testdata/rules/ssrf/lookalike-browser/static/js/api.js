// The page's own client for the JSON API: it runs in the user's browser,
// so the URL it fetches is fetched by the browser, not by the server.
export class Client {
  constructor(base) {
    this.base = base;
  }

  list(filters, options = { path: "", base: "" }) {
    const url = `${options.base || this.base}items${options.path}/?q=${encodeURIComponent(filters.q || "")}`;
    return fetch(url).then((r) => r.json());
  }
}

const base = document.documentElement.dataset.apiBase || "/api/";
export const client = new Client(base);
