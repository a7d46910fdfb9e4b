const express = require("express");
const db = require("./db");
const { ipAllowlist, requireAdmin, requireMfa, requireSession } = require("./guards");

const app = express();
const admin = express.Router();

admin.get("/", async (req, res) => {
  res.json(await db.orders.findMany({ take: 50 }));
});

admin.get("/customers", async (req, res) => {
  res.json(await db.customers.findMany());
});

app.use("/admin", ipAllowlist, requireSession, requireAdmin, requireMfa, admin);
app.listen(3000);
