// The same client, on the server: nothing here reads a page, and the
// server's fetch reaches whatever the URL names.
export class Client {
  constructor(base) {
    this.base = base;
  }

  list(filters, options = { path: "", base: "" }) {
    const url = `${options.base || this.base}items${options.path}/?q=${encodeURIComponent(filters.q || "")}`;
    return fetch(url).then((r) => r.json());
  }
}

const base = process.env.API_BASE || "http://localhost:8080/";
export const client = new Client(base);
