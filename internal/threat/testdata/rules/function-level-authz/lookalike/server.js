const express = require("express");
const jwt = require("jsonwebtoken");
const { User } = require("./models");

const app = express();
app.use(express.json());

function requireLogin(req, res, next) {
  const token = (req.headers.authorization || "").replace("Bearer ", "");
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET, { algorithms: ["HS256"] });
  } catch (err) {
    return res.status(401).end();
  }
  next();
}

function requireAdmin(req, res, next) {
  if (req.user.role !== "admin") {
    return res.status(403).end();
  }
  next();
}

app.put("/api/members/:id/role", requireLogin, requireAdmin, async (req, res) => {
  const member = await User.findByPk(req.params.id);
  member.role = req.body.role;
  await member.save();
  res.json({ id: member.id, role: member.role });
});

app.listen(3000);
