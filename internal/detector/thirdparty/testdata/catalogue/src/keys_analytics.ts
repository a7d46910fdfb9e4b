// API keys verified by Unkey and events sent to OpenPanel over HTTP.
export const verify = (key: string) =>
  fetch("https://api.unkey.dev/v1/keys.verifyKey", { method: "POST", body: JSON.stringify({ key }) });
export const track = (event: string) =>
  fetch("https://api.openpanel.dev/track", { method: "POST", body: JSON.stringify({ event }) });
