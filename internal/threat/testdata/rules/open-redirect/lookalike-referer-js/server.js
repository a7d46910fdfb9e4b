const express = require("express");

const app = express();

app.get("/theme/:name", (req, res) => {
  res.cookie("theme", req.params.name === "dark" ? "dark" : "light");
  // Back to the page the browser came from.
  res.redirect(req.headers.referer || "/");
});

app.get("/currency/:code", (req, res) => {
  res.cookie("currency", req.params.code === "EUR" ? "EUR" : "USD");
  res.redirect("back");
});

app.listen(3000);
