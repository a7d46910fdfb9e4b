const express = require('express');
const router = express.Router();

router.get('/half-written', (req, res) => {
  res.json({ oops: [1, 2,
});

module.exports = router
