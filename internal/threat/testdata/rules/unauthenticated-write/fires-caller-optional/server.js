const express = require("express");
const passport = require("passport");
const { Pool } = require("pg");

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();
app.use(express.json());
app.use(passport.session());

// The owner is read safely: with nobody signed in the pin is still
// written, with no owner.
app.post("/api/pins", async (req, res) => {
  const owner = req.user?.id;
  await pool.query("INSERT INTO pins (owner_id, url) VALUES ($1, $2)", [owner, req.body.url]);
  res.sendStatus(201);
});

app.listen(3000);
