// Vendors no catalogue entry names, called over HTTP from server code.
// The docs for the API live at https://api.lookalike-comment.io (a comment: no call).
import { logger } from "./log";

const PARCEL_API = "https://api.parceltrack.io/v2";

export const schema = { $schema: "https://json-schema.lookalike-schema.org/draft-07/schema" };

export async function sendFax(to: string) {
  logger.info("sending to https://api.lookalike-log.io/send");
  return fetch("https://api.faxsender.io/v1/send", { // want: third-party faxsender.io
    method: "POST",
    headers: { Authorization: `Bearer ${process.env.FAXSENDER_API_KEY}` }, // want: uses-secret faxsender.io FAXSENDER_API_KEY
    body: JSON.stringify({ to }),
  });
}

export async function track(id: string) {
  return axios.get(`${PARCEL_API}/parcels/${id}`); // want: third-party parceltrack.io
}

export function page(res: any) {
  res.send(`<a href="https://docs.lookalike-link.io/help">help</a>`);
  res.redirect("https://accounts.lookalike-redirect.io/authorize");
}

export async function local() {
  await fetch("http://localhost:8080/health");
  await fetch("https://api.example.com/v1");
  await fetch("http://10.0.0.7/metrics");
  // A catalogued vendor keeps the catalogue's name.
  await fetch("https://api.openai.com/v1/models"); // want: third-party openai
  // A host the catalogue does not list, of a vendor it lists by its
  // domain's name: the catalogue's Segment.
  await fetch("https://api.segment.io/v1/track", { method: "POST", body: "{}" }); // want: third-party segment
}

export async function mail(options: { apiKey?: string; endpoint?: string }) {
  const { endpoint = "https://api.relaymail.net/tx/v1/send" } = options;
  return fetch(endpoint, { method: "POST", body: "{}" }); // want: third-party relaymail.net
}
