// A base class for vendors' API clients: every request goes to the
// subclass's base URL.
export abstract class BaseClient {
  protected abstract readonly baseUrl: string;
  protected abstract readonly docsUrl: string;

  protected abstract authHeaders(): Record<string, string>;

  async get<T>(path: string): Promise<T> {
    const url = new URL(`${this.baseUrl}${path}`);
    const res = await fetch(url, { headers: this.authHeaders() });
    return (await res.json()) as T;
  }
}
