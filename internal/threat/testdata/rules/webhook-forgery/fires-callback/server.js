const express = require("express");
const { markPaid } = require("./store");

const app = express();
app.use(express.json());

// A payment provider posts its result here; nothing checks who sent it.
app.post("/payments/callback", async (req, res) => {
  await markPaid(req.body.orderId, req.body.status);
  res.sendStatus(204);
});

app.listen(8080);
