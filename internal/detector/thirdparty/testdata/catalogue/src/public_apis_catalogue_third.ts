// Third hosts of the vendors in public_apis_catalogue.ts.

export const call_api_jina_ai = (body: string) => fetch("https://api.jina.ai/v1/", { method: "POST", body });
