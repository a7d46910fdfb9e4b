const express = require("express");
const { seal } = require("./lib/seal");
const db = require("./db");

const router = express.Router();

// The error's text put into the response object, which is sent a line
// later through a wrapper.
router.get("/balance", (req, res) => {
  const r = {};
  db.balance(req.query.account).then((data) => {
    r.data = data;
    res.json(seal(r));
  }).catch((err) => {
    r.status = 500;
    r.data = {
      message: err.toString(),
    };
    res.json(seal(r)); // want: exit error-response
  });
});

// Lookalike: the object carries a sentence of the app's own.
router.get("/limits", (req, res) => {
  const r = {};
  db.limits(req.query.account).catch(() => {
    r.status = 500;
    r.data = { message: "limits unavailable" };
    res.json(seal(r));
  });
});

module.exports = router;
