// A second host of services integrations.ts already calls: one use per
// service and file, so each region or endpoint is read in a file of its own.

export async function regional0(body: unknown) {
  const res = await fetch("https://buy.itunes.apple.com/v1/", { method: "POST", body: JSON.stringify(body) });
  return res.json();
}

export async function regional1(body: unknown) {
  const res = await fetch("https://client.crisp.chat/v1/", { method: "POST", body: JSON.stringify(body) });
  return res.json();
}

export async function regional2(body: unknown) {
  const res = await fetch("https://stream.mux.com/v1/", { method: "POST", body: JSON.stringify(body) });
  return res.json();
}

export async function regional3(body: unknown) {
  const res = await fetch("https://api.eu.opsgenie.com/v1/", { method: "POST", body: JSON.stringify(body) });
  return res.json();
}

export async function regional4(body: unknown) {
  const res = await fetch("https://api.us-east.tinybird.co/v1/", { method: "POST", body: JSON.stringify(body) });
  return res.json();
}
