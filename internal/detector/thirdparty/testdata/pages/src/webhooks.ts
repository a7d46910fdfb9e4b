// A webhook URL the user gives is posted in the vendor's own format when
// it is the vendor's endpoint: the code is written for that endpoint.
const CHAT_PREFIX = "https://discord.com/api/webhooks/";

export async function notify(url: string, text: string) {
  const body = url.startsWith(CHAT_PREFIX) ? { content: text } : { text };
  await fetch(url, { method: "POST", body: JSON.stringify(body) });
}
