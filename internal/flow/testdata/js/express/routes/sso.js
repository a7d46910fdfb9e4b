const express = require('express');
const config = require('../lib/settings');
const { Site } = require('@acme/models');

const router = express.Router();

// The provider's address is configured; the request fills the query.
router.get('/sso', (req, res) => {
  res.redirect(config.ssoUrl + '?state=' + req.query.state);
});

// A stored site's home page, with the request's text after it.
router.get('/sites/:id/home', async (req, res) => {
  const site = await Site.findOne({ where: { id: req.params.id } });
  res.redirect(`${site.homeUrl}?from=${req.query.from}`);
});

// Lookalike: the request's text leads, so it picks the host.
router.get('/go', (req, res) => {
  res.redirect(`${req.query.to}?ref=${config.name}`); // want: open-redirect via=query
});

module.exports = router;
