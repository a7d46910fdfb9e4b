const express = require('express');
const { signedIn } = require('./middleware/audited');

// A guard factory whose argument names the audit log, not a role.
const router = express.Router();
router.use(signedIn('billing'));
router.post('/invoices', (req, res) => res.sendStatus(201)); // want: POST /billing/invoices auth=required

module.exports = router;
