const crypto = require("crypto");
const express = require("express");
const { Pool } = require("pg");

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();

app.get("/api/orders/:id", async (req, res, next) => {
  try {
    const { rows } = await pool.query("SELECT * FROM orders WHERE id = $1", [req.params.id]);
    res.json(rows[0]);
  } catch (err) {
    next(err);
  }
});

app.use((err, req, res, next) => {
  // The details stay in our logs; the client gets an id to quote to support.
  const incident = crypto.randomUUID();
  console.error(incident, err.stack);
  res.status(500).json({ error: "something went wrong", incident });
});

app.listen(3000);
