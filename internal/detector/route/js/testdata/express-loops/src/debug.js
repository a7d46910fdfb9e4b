const express = require('express');

const router = express.Router();
router.get('/routes', (req, res) => res.json([])); // want: GET /__debug/routes; condition GET /__debug/routes dev
router.delete('/cache', (req, res) => res.status(204).end()); // want: DELETE /__debug/cache; condition DELETE /__debug/cache dev

module.exports = router;
