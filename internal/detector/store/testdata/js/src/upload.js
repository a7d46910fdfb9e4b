const express = require("express");
const multer = require("multer");

const upload = multer({ dest: "uploads/" }); // want: store filesystem Local folder uploads/
const router = express.Router();
router.post("/upload", upload.single("file"), (req, res) => res.json({ ok: true }));
module.exports = router;
