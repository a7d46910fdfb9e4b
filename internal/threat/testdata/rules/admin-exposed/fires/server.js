const express = require("express");
const basicAuth = require("express-basic-auth");
const db = require("./db");

const app = express();
const admin = express.Router();

admin.get("/", async (req, res) => {
  res.json(await db.orders.findMany({ take: 50 }));
});

admin.get("/customers", async (req, res) => {
  res.json(await db.customers.findMany());
});

app.use("/admin", basicAuth({ users: { admin: process.env.ADMIN_PASSWORD } }), admin);
app.listen(3000);
