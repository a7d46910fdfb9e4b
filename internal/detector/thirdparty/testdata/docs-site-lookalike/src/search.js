// Lookalike: the product's own search sends its users' records to the
// same vendor.
const algoliasearch = require("algoliasearch"); // want: third-party algolia

const client = algoliasearch(process.env.ALGOLIA_APP_ID, process.env.ALGOLIA_ADMIN_KEY); // want: third-party algolia; uses-secret algolia ALGOLIA_ADMIN_KEY

module.exports.indexProduct = (p) => client.initIndex("products").saveObject(p);
