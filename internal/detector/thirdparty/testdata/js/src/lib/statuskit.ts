// An importer for a vendor no catalogue entry names, at its default base URL.
export function createStatusClient(apiKey: string, baseUrl = "https://api.statuskit.io") {
  async function request(path: string) {
    const url = `${baseUrl}${path}`;
    return fetch(url, { headers: { Authorization: `Bearer ${apiKey}` } }); // want: third-party statuskit.io
  }
  return { request };
}
