const express = require("express");
const User = require("../models/user");

const router = express.Router();

router.get("/api/users/:id", async (req, res) => {
  const user = await User.findById(req.params.id).select("-passwordHash -resetToken");
  if (!user) return res.sendStatus(404);
  res.json(user);
});

module.exports = router;
