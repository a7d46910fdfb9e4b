const { Router } = require('express');
const { searchLimiter } = require('../lib/limits');

// A factory: each call builds a router over the given store.
module.exports = (db) => {
  const catalog = Router();
  catalog.get('/', async (req, res) => res.json(await db.get('books'))); // want: GET /catalog; auth GET /catalog none
  catalog.get('/search', searchLimiter, async (req, res) => res.json([])); // want: GET /catalog/search; auth GET /catalog/search none
  return catalog;
};
