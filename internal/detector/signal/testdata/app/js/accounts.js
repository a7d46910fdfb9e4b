const express = require("express");
const { Member } = require("./models");

const router = express.Router();

router.post("/join", (req, res) => {
  let name = req.body.name;
  let password = req.body.password;
  Member.create({ name: name, password: password }).then(() => res.json({ ok: true })); // want: weakness password-plaintext
});

router.post("/enter", (req, res) => {
  const { name, password } = req.body;
  Member.findOne({ // want: weakness password-plaintext
    where: { name, password },
  }).then((m) => res.json({ ok: !!m }));
});

module.exports = router;
