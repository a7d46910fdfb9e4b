// Apple's push gateway, Akismet's spam check (the key is the host's first
// label), Honeybadger's notice API and Alipay's gateway, called bare.
export const push = (token: string, body: string) => fetch(`https://api.push.apple.com/3/device/${token}`, { method: "POST", body });
export const spam = (key: string, body: string) => fetch(`https://${key}.rest.akismet.com/1.1/comment-check`, { method: "POST", body });
export const notice = (body: string) => fetch("https://api.honeybadger.io/v1/notices", { method: "POST", body });
export const pay = (q: string) => fetch(`https://openapi.alipay.com/gateway.do?${q}`);
