const express = require('express');
const { tokenChecked, tokenRead, tokenLogged } = require('./guards');

const app = express();
const router = express.Router();

router.post('/transfer', [tokenChecked], (req, res) => res.json({ ok: true })); // want: POST /api/transfer auth=required
router.post('/payees', tokenRead, (req, res) => res.json({ ok: true })); // want: POST /api/payees auth=none
router.post('/statements', tokenLogged, (req, res) => res.json({ ok: true })); // want: POST /api/statements auth=none

app.use('/api', router);
app.listen(3000);
