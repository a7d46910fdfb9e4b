const express = require('express');

const router = express.Router();
router.post('/invoices', (req, res) => res.status(201).json({})); // want: POST /v1/billing/invoices

module.exports = router;
