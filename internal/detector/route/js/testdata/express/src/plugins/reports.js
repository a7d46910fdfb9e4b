// Routes whose paths come from run time: the scan cannot compose them and
// must say so, once per file, at the first one.
const express = require('express');
const settings = require('./settings');

const router = express.Router();

function pathFor(name) {
  return settings.base + '/' + name;
}

router.get('/reports', (req, res) => res.json([])); // want: GET /reports
router.get(pathFor('daily'), (req, res) => res.json([])); // want: missed 3
router.post(settings.exportPath, (req, res) => res.status(202).end());
router.delete(`/reports/${settings.archive()}`, (req, res) => res.status(204).end());

// Lookalike: a map's get with a computed key is no route.
const labels = new Map();
labels.get(pathFor('weekly'), () => {});

module.exports = router;
