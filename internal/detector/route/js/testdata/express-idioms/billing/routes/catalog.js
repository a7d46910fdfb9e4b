const express = require('express');

const router = express.Router();

router['get']('/plans', (req, res) => res.json([])); // want: GET /billing/plans

module.exports = router;
