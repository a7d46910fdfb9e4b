const express = require("express");
const { queueDeploy } = require("./deploys");

const app = express();

app.post("/hooks/github", express.json(), async (req, res) => {
  const event = req.get("X-GitHub-Event");
  if (event === "push" && req.body.ref === "refs/heads/main") {
    await queueDeploy(req.body.repository.full_name, req.body.after);
  }
  res.sendStatus(204);
});

app.listen(8080);
