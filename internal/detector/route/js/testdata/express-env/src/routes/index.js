const express = require('express');

const router = express.Router();
const auth = express.Router();
const account = express.Router();

auth.post('/login', (req, res) => res.json({ ok: true })); // want: POST /v1/auth/login
account.post('/password', (req, res) => res.json({ ok: true })); // want: POST /v1/account/password

router.use('/auth', auth);
router.use('/account', account);

module.exports = router;
