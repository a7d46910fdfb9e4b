const express = require('express');
const ipaddr = require('ipaddr.js');
const dns = require('dns').promises;
const ssrfFilter = require('ssrf-req-filter');
const fetch = require('node-fetch');

const router = express.Router();

router.post('/unfurl', async (req, res) => {
  const agent = ssrfFilter(req.body.url); // want: control ssrf-guard
  const page = await fetch(req.body.url, { agent }); // want: weakness ssrf
  res.send((await page.text()).slice(0, 200));
});

router.post('/checked', async (req, res) => {
  const { address } = await dns.lookup(new URL(req.body.url).hostname);
  if (ipaddr.parse(address).range() !== 'unicast') { // want: control ssrf-guard
    return res.status(400).send('internal address');
  }
  const page = await fetch(req.body.url); // want: weakness ssrf
  res.send((await page.text()).slice(0, 200));
});

router.post('/noted', async (req, res) => {
  const { address } = await dns.lookup(new URL(req.body.url).hostname);
  if (ipaddr.parse(address).range() !== 'unicast') {
    console.warn('fetching an internal address', address);
  }
  const page = await fetch(req.body.url); // want: weakness ssrf
  res.send((await page.text()).slice(0, 200));
});

module.exports = router;
