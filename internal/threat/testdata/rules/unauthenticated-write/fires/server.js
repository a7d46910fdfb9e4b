const express = require("express");
const { Pool } = require("pg");

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();
app.use(express.json());

app.get("/api/entries", async (req, res) => {
  const { rows } = await pool.query("SELECT id, author, text FROM entries ORDER BY id DESC LIMIT 50");
  res.json(rows);
});

app.put("/api/entries/:id", async (req, res) => {
  await pool.query("UPDATE entries SET text = $1 WHERE id = $2", [req.body.text, req.params.id]);
  res.sendStatus(204);
});

app.listen(3000);
