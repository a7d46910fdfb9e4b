// Tax quotes at checkout and the scheduling widgets a form embeds.
export async function quote(body: unknown) {
  return fetch("https://rest.avatax.com/api/v2/transactions/create", { method: "POST", body: JSON.stringify(body) });
}
export async function taxFor(body: unknown) {
  return fetch("https://api.taxjar.com/v2/taxes", { method: "POST", body: JSON.stringify(body) });
}
export async function bookings(key: string) {
  return fetch("https://api.cal.com/v2/bookings", { headers: { Authorization: `Bearer ${key}` } });
}
export async function calendlyEvents(token: string) {
  return fetch("https://api.calendly.com/scheduled_events", { headers: { Authorization: `Bearer ${token}` } });
}
