const express = require("express");
const { execFile } = require("child_process");

const app = express();
app.use(express.json());

const HOST = /^[a-z0-9.-]{1,253}$/i;

// Network diagnostics for the status page: no shell, one validated argument.
app.post("/api/diagnostics/ping", (req, res) => {
  if (!HOST.test(req.body.host)) return res.status(400).json({ error: "bad host" });
  execFile("ping", ["-c", "3", req.body.host], (err, stdout) => {
    if (err) return res.status(500).json({ error: "ping failed" });
    res.json({ output: stdout });
  });
});

// exec(`ping -c 3 ${req.body.host}`) was the old, unsafe version.

app.listen(3000);
