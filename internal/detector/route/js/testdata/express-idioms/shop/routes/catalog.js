const express = require('express');

const router = express.Router();

router.get('/items', (req, res) => res.json([])); // want: GET /catalog/items

module.exports = router;
