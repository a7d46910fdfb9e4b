const express = require('express');
const Sequelize = require('sequelize');
const { Wallet } = require('../lib/models');

const router = express.Router();

// Sequelize.literal takes an SQL fragment: the amount pasted into it is
// SQL, whatever shape the fragment has, even inside a later callback.
router.post('/debit', (req, res) => {
  let amount = req.body.amount;
  Wallet.findOne({ where: { id: 1 } }).then(() => {
    Wallet.update({ balance: Sequelize.literal(`balance - ${amount}`) }, { where: { id: 1 } }) // want: sql-injection via=body
      .then(() => res.json({ ok: true }));
  });
});

// Lookalike: the amount bound as a value, the fragment fixed.
router.post('/credit', (req, res) => {
  const amount = Number(req.body.amount);
  Wallet.increment({ balance: amount }, { where: { id: 1 } });
  Wallet.update({ touched: Sequelize.literal('CURRENT_TIMESTAMP') }, { where: { id: 1 } })
    .then(() => res.json({ ok: true }));
});

// Lookalike: a numeric amount pasted into the fragment.
router.post('/refund', (req, res) => {
  const amount = parseInt(req.body.amount, 10);
  Wallet.update({ balance: Sequelize.literal(`balance + ${amount}`) }, { where: { id: 1 } })
    .then(() => res.json({ ok: true }));
});

module.exports = router;
