const express = require("express");
const { createMember } = require("./members");

const router = express.Router();

// Sign-up: the handler hands the posted body to the service, which
// creates the caller's own account and hashes its password.
router.post("/api/members", async (req, res, next) => {
  try {
    const member = await createMember({ ...req.body.member });
    res.status(201).json({ member });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
