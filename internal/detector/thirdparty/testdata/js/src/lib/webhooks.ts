// Providers reached through URLs built from a base constant.
const DISCORD = "https://discord.com";
const SLACK_API = "https://slack.com";

export async function notifyDiscord(id: string, token: string, content: string) {
  return fetch(`${DISCORD}/api/webhooks/${id}/${token}`, { method: "POST", body: JSON.stringify({ content }) }); // want: third-party discord
}

export async function postToSlack(token: string, body: unknown) {
  const url = new URL("/api/chat.postMessage", SLACK_API); // want: third-party slack
  return fetch(url, { method: "POST", headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
}

// Lookalikes: a URL only logged.
export function explain(status: number) {
  console.warn("mail is sent through https://api.sendgrid.com/v3/mail/send", status);
}
