const express = require('express');

const router = express.Router();

router.get('/latest', (req, res) => res.json([])); // want: GET /feeds/latest

module.exports = router;
