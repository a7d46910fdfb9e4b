// QuickBooks tokens come from Intuit's OAuth host.
export async function callQuickBooksToken(body: unknown) {
  return fetch("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer", { method: "POST", body: JSON.stringify(body) });
}
