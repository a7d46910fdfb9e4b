// A named vendor whose endpoint is a setting: the key's name ties the
// generic client's calls to Azure AI Document Intelligence. Lookalike: a
// switch that only looks like the vendor's names no key.
export const ocrConfig = {
  endpoint: { doc: "The Azure Document Intelligence endpoint", schema: "url", default: undefined, env: "AZURE_DI_ENDPOINT" },
  apiKey: { doc: "Its key", schema: "string", default: "", env: "AZURE_DI_API_KEY" }, // want: third-party azure-document-intelligence; uses-secret azure-document-intelligence AZURE_DI_API_KEY
  mode: { doc: "Layout or read", schema: "string", default: "layout", env: "DOCUMENT_INTELLIGENCE_MODE" },
};
