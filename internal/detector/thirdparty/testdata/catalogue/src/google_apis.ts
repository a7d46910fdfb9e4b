// One googleapis client, three APIs: the call that builds each names it.
import { google } from "googleapis";

const auth = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET);
export const drive = google.drive({ version: "v3", auth });
export const calendar = google.calendar({ version: "v3", auth });
export const gmail = google.gmail({ version: "v1", auth });

export async function events(token: string) {
  return fetch("https://www.googleapis.com/calendar/v3/calendars/primary/events", { headers: { Authorization: `Bearer ${token}` } });
}
export async function messages(token: string) {
  return fetch("https://gmail.googleapis.com/gmail/v1/users/me/messages", { headers: { Authorization: `Bearer ${token}` } });
}
