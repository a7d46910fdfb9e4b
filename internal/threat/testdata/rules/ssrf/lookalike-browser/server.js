const express = require("express");

const app = express();
app.use(express.static("static"));
app.get("/health", (req, res) => res.json({ ok: true }));
app.listen(3000);
