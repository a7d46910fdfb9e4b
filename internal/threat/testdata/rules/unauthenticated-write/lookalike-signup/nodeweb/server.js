const express = require("express");
const jwt = require("jsonwebtoken");
const { Sequelize, DataTypes } = require("sequelize");

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Account = sequelize.define("Account", { handle: DataTypes.STRING });

const app = express();
app.use(express.json());

// Sign-up: the caller's own account, and a token for it.
app.post("/accounts", async (req, res) => {
  const account = await Account.create({ handle: req.body.handle });
  res.status(201).json({ token: jwt.sign({ sub: account.id }, process.env.SIGNING_KEY) });
});

app.listen(3000);
