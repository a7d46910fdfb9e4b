// Unkey's newer API host.
export const verifyV2 = (key: string) =>
  fetch("https://api.unkey.com/v2/keys.verifyKey", { method: "POST", body: JSON.stringify({ key }) });
