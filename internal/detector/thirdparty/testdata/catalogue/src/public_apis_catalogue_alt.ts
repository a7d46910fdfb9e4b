// Second hosts of the vendors in public_apis_catalogue.ts.

export const call_api_eu_onelogin_com = (body: string) => fetch("https://api.eu.onelogin.com/v1/", { method: "POST", body });
export const call_console_jumpcloud_com = (body: string) => fetch("https://console.jumpcloud.com/v1/", { method: "POST", body });
export const call_api_wise_com = (body: string) => fetch("https://api.wise.com/v1/", { method: "POST", body });
export const call_eu1_locationiq_com = (body: string) => fetch("https://eu1.locationiq.com/v1/", { method: "POST", body });
export const call_pro_ip_api_com = (body: string) => fetch("https://pro.ip-api.com/v1/", { method: "POST", body });
export const call_s_jina_ai = (body: string) => fetch("https://s.jina.ai/v1/", { method: "POST", body });
export const call_api_moonshot_ai = (body: string) => fetch("https://api.moonshot.ai/v1/", { method: "POST", body });
export const call_queue_fal_run = (body: string) => fetch("https://queue.fal.run/v1/", { method: "POST", body });
export const call_api_bfl_ai = (body: string) => fetch("https://api.bfl.ai/v1/", { method: "POST", body });
export const call_api_free_deepl_com = (body: string) => fetch("https://api-free.deepl.com/v1/", { method: "POST", body });
export const call_texttospeech_googleapis_com = (body: string) => fetch("https://texttospeech.googleapis.com/v1/", { method: "POST", body });
export const call_api_bunny_net = (body: string) => fetch("https://api.bunny.net/v1/", { method: "POST", body });
