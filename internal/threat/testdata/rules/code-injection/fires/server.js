const express = require("express");

const app = express();
app.use(express.json());

// A "calculator" endpoint: whatever the client sends is run.
app.post("/api/calc", (req, res) => {
  const result = eval(req.body.expression);
  res.json({ result });
});

app.listen(3000);
