// The documentation site's search: its readers' queries, not the
// product's users' data. No third party of the product.
const appId = process.env.ALGOLIA_APP_ID;
const apiKey = process.env.ALGOLIA_SEARCH_KEY;

module.exports = {
  title: "Handbook",
  themeConfig: {
    algolia: { appId, apiKey, indexName: "handbook" },
  },
};
