const express = require("express");
const { getJSON } = require("./lib/fetcher");
const { bannerText } = require("./shared/banner");

const app = express();
app.get("/feed", async (req, res) => res.json(await getJSON(req.query.url)));
app.get("/banner", (req, res) => res.send(bannerText()));
app.listen(3000);
