const express = require("express");
const session = require("express-session");
const { Cart } = require("./models");

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: true }));

// The session keeps the cart's id, but the cart is a stored row anyone
// can make, one per request.
app.post("/cart", async (req, res) => {
  req.session.cartId = (await Cart.create({ items: req.body.items })).id;
  res.status(201).json({ cartId: req.session.cartId });
});

app.listen(3000);
