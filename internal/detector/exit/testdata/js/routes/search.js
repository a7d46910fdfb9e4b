const express = require("express");
const { LookupError } = require("./lib/errors");
const { HttpError } = require("http-errors-lite");
const finder = require("./finder");

const router = express.Router();

class RangeCheckError extends Error {}

// The app's own error classes: each message is a sentence the app wrote.
router.get("/search", async (req, res) => {
  try {
    res.json(await finder.search(req.query.q));
  } catch (error) {
    if (error instanceof LookupError || error instanceof RangeCheckError) {
      return res.status(error.status || 400).json({ error: error.message });
    }
    return res.status(500).json({ error: "Internal server error" });
  }
});

// Lookalike: a class from a package is another library's error, with
// whatever that library put in it.
router.get("/covers", async (req, res) => {
  try {
    res.json(await finder.covers(req.query.q));
  } catch (error) {
    if (error instanceof HttpError) {
      return res.status(400).json({ error: error.message }); // want: exit error-response
    }
    res.status(500).json({ error: error.message }); // want: exit error-response
  }
});

module.exports = router;
