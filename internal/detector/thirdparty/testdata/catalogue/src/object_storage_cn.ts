// Object storage endpoints called directly.
export const cosPut = (bucket: string, key: string, body: string) =>
  fetch(`https://${bucket}.cos.ap-guangzhou.myqcloud.com/${key}`, { method: "PUT", body });
export const obsPut = (bucket: string, key: string, body: string) =>
  fetch(`https://${bucket}.obs.cn-north-4.myhuaweicloud.com/${key}`, { method: "PUT", body });
export const ks3Put = (bucket: string, key: string, body: string) =>
  fetch(`https://${bucket}.ks3-cn-beijing.ksyuncs.com/${key}`, { method: "PUT", body });
export const upyunPut = (bucket: string, key: string, body: string) =>
  fetch(`https://v0.api.upyun.com/${bucket}/${key}`, { method: "PUT", body });
export const ossKey = () => fetch("https://gosspublic.alicdn.com/callback_pub_key_v1.pem");
export const captchaVerify = (body: URLSearchParams) =>
  fetch("https://www.recaptcha.net/recaptcha/api/siteverify", { method: "POST", body });
