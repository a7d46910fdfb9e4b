const express = require("express");

const router = express.Router();

// Lookalike: a password the server drew for an invited member, handed to
// an identity provider that stores it; nothing here reads one posted.
router.post("/invite", (req, res) => {
  const password = Math.random().toString(36);
  idp.users.insert({ login: req.body.login, password }).then(() => res.json({ ok: true }));
});

module.exports = router;
