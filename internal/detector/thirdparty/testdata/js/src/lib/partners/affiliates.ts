// Vendors reached through a class's base URL and the class's own fetch
// helper: the call that names the URL is the helper's, the helper's body
// is where the request goes out.
export class AffiliateApi {
  private readonly baseUrl = "https://api.affiliatebox.io/v1";
  #ledger = "https://ledger.payoutly.com";
  private readonly token: string;

  constructor({ token }: { token: string }) {
    this.token = token;
  }

  private async send<T>(url: string, init?: RequestInit): Promise<T> {
    const res = await fetch(url, { ...init, headers: { Authorization: `Bearer ${this.token}` } });
    return (await res.json()) as T;
  }

  async partners() {
    return this.send<{ data: { id: string }[] }>(`${this.baseUrl}/partners`); // want: third-party affiliatebox.io
  }

  async payouts() {
    return this.send(`${this.#ledger}/payouts`, { method: "GET" }); // want: third-party payoutly.com
  }
}

// A client bound to one base URL sends every request there.
export const rates = xior.create({ baseURL: "https://api.ratesnow.io/v2", timeout: 5000 }); // want: third-party ratesnow.io

// Lookalikes. A helper whose parameter is only a query value sends to
// its own fixed host, whatever a caller hands it; the text a caller
// hands it is a search term, not a target.
async function search(term: string) {
  const url = `https://api.lookalike-search.io/find?q=${term}`;
  return fetch(url);
}

export const found = search("https://lookalike-term.io/page");

// A function that never sends its argument: a URL handed to it is text.
function label(url: string) {
  return url.replace("https://", "");
}

export const shown = label("https://lookalike-label.io/docs");
