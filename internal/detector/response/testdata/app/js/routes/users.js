const express = require("express");
const User = require("../models/user");
const Account = require("../models/account");

const router = express.Router();

router.get("/users/:id", async (req, res) => {
  const user = await User.findById(req.params.id);
  res.json(user); // want: sensitive-response
});

router.get("/users/:id/card", async (req, res) => {
  const user = await User.findById(req.params.id).select("-passwordHash -resetToken");
  res.json(user);
});

router.get("/users/:id/name", async (req, res) => {
  const user = await User.findById(req.params.id);
  res.json({ id: user.id, email: user.email });
});

router.get("/accounts/:id", async (req, res) => {
  const account = await Account.findById(req.params.id);
  res.json(account);
});

router.get("/lookup", (req, res) => {
  res.jsonp({ ok: true });
});

module.exports = router;
