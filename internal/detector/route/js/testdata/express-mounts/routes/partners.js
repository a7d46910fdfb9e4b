const express = require('express');

const router = express.Router();

router.get('/partners', (req, res) => res.json([])); // want: GET /{unknown-prefix}/partners

module.exports = router;
