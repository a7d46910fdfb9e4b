const express = require("express");
const { evaluate } = require("./safe-math");

const app = express();
app.use(express.json());

// The expression is parsed by a small arithmetic grammar, never run as code.
app.post("/api/calc", (req, res) => {
  const result = evaluate(String(req.body.expression));
  res.json({ result });
});

app.listen(3000);
