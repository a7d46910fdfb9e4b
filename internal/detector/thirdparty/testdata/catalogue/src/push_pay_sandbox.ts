// The sandboxes of Apple's push gateway and Alipay's gateway.
export const pushSandbox = (token: string) => fetch(`https://api.sandbox.push.apple.com/3/device/${token}`);
export const paySandbox = (q: string) => fetch(`https://openapi.alipaydev.com/gateway.do?${q}`);
