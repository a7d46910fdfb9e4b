const express = require("express");
const { exec } = require("child_process");

const app = express();
app.use(express.json());

// Network diagnostics for the status page.
app.post("/api/diagnostics/ping", (req, res) => {
  const cmd = `ping -c 3 ${req.body.host}`;
  exec(cmd, (err, stdout) => {
    if (err) return res.status(500).json({ error: "ping failed" });
    res.json({ output: stdout });
  });
});

app.listen(3000);
