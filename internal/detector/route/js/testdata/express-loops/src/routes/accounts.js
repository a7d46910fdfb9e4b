const express = require('express');

const router = express.Router();
router.get('/', (req, res) => res.json([])); // want: GET /v1/accounts
router.post('/', (req, res) => res.status(201).json({})); // want: POST /v1/accounts

module.exports = router;
