const express = require("express");
const argon2 = require("argon2");
const { Member } = require("./models");

const router = express.Router();

// Lookalike: the password hashed before the record is written.
router.post("/join", async (req, res) => {
  let password = req.body.password;
  password = await argon2.hash(password); // want: control slow-password-hash
  await Member.create({ name: req.body.name, password });
  res.json({ ok: true });
});

module.exports = router;
