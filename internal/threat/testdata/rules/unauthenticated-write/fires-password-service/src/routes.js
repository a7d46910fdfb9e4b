const express = require("express");
const { updateMember } = require("./members");

const router = express.Router();

// The same service layer, but the public route sets a new password on
// an existing member named in the URL: anyone takes any account.
router.patch("/api/members/:id", async (req, res, next) => {
  try {
    await updateMember(req.params.id, req.body.member);
    res.sendStatus(204);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
