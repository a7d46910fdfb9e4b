const crypto = require("crypto");
const express = require("express");
const { queueDeploy } = require("./deploys");

const app = express();
const seenDeliveries = new Set();

app.post("/hooks/github", express.raw({ type: "application/json" }), async (req, res) => {
  const expected = "sha256=" + crypto.createHmac("sha256", process.env.GITHUB_WEBHOOK_SECRET).update(req.body).digest("hex");
  const given = req.get("X-Hub-Signature-256") || "";
  if (given.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
    return res.sendStatus(401);
  }
  // Idempotency: GitHub redelivers; each delivery id is acted on once.
  const delivery = req.get("X-GitHub-Delivery");
  if (seenDeliveries.has(delivery)) return res.sendStatus(204);
  seenDeliveries.add(delivery);
  const body = JSON.parse(req.body);
  if (req.get("X-GitHub-Event") === "push" && body.ref === "refs/heads/main") {
    await queueDeploy(body.repository.full_name, body.after);
  }
  res.sendStatus(204);
});

app.listen(8080);
