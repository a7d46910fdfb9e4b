// The docs site: its theme's search queries Algolia from every page.
const config = {
  title: "Pages",
  themeConfig: {
    algolia: {
      appId: "DOCSAPPID",
      apiKey: "public-search-only-key",
      indexName: "pages",
    },
    // Options named for a service that give it nothing: a switch, a label.
    sentry: { enabled: false },
    stripe: { apiKey: "" },
    favicons: { google: true },
    labels: { posthog: "PostHog" },
    search: { apiKey: "public-search-only-key" },
  },
};
export default config;
