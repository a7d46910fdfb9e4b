// Importers that call a vendor's API at its default base URL. Better
// Stack's uptime API is under the domain of the log hosts its catalogue
// entry lists: it is Better Stack, not a new vendor named betterstack.com.
export function createImporter(apiKey: string, baseUrl = "https://uptime.betterstack.com") {
  async function request(path: string) {
    const url = `${baseUrl}${path}`;
    return fetch(url, { headers: { Authorization: `Bearer ${apiKey}` } }); // want: third-party betterstack
  }
  return { request };
}

// Lookalike: a domain several catalogue services share names none of
// them, and no new vendor either.
export async function discovery() {
  return fetch("https://www.googleapis.com/discovery/v1/apis");
}
