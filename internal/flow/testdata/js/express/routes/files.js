const express = require('express');
const path = require('path');
// Imported through an alias of the repository's lib/ (a tsconfig paths entry).
const { within, named } = require('@lib/paths');

const router = express.Router();
const ROOT = '/srv/files';

// The path is checked against the root by a helper of another module.
router.get('/read', (req, res) => {
  const target = path.join(ROOT, req.query.name);
  if (!within(ROOT, target)) {
    return res.status(400).end();
  }
  res.sendFile(target);
});

// The same check written in the handler: the test holding is the rejection.
router.get('/read-inline', (req, res) => {
  const target = path.join(ROOT, req.query.name);
  const rel = path.relative(ROOT, target);
  if (rel.startsWith('..')) {
    return res.status(400).end();
  }
  res.sendFile(path.join(ROOT, rel));
});

// Lookalike: the helper tests nothing about where the file lies.
router.get('/read-named', (req, res) => {
  const target = path.join(ROOT, req.query.name);
  if (!named(ROOT, target)) {
    return res.status(400).end();
  }
  res.sendFile(target); // want: path-traversal via=query
});

// Lookalike: the answer is not acted on.
router.get('/read-unchecked', (req, res) => {
  const target = path.join(ROOT, req.query.name);
  within(ROOT, target);
  res.sendFile(target); // want: path-traversal via=query
});

module.exports = router;
