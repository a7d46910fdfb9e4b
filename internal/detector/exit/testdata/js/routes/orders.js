const express = require("express");
const router = express.Router();

router.post("/orders", async (req, res) => {
  let order;
  try {
    if (req.body.qty === undefined) {
      throw new Error("Missing parameter 'qty'");
    }
    if (!/^\d+$/.test(String(req.body.qty))) {
      throw new Error("Quantity must be a number");
    }
    order = { qty: Number(req.body.qty), sku: req.body.sku };
  } catch (err) {
    return res.status(400).json({ message: err.message });
  }
  res.json(await orders.create(order));
});

router.get("/orders/:id", async (req, res) => {
  try {
    if (!req.params.id) {
      throw new Error("Missing id");
    }
    const order = await orders.find(req.params.id);
    res.json(order);
  } catch (err) {
    res.status(500).json({ message: err.message }); // want: exit error-response
  }
});

router.delete("/orders/:id", async (req, res) => {
  try {
    await orders.remove(req.params.id);
    res.sendStatus(204);
  } catch (err) {
    res.status(500).json({ message: err.message }); // want: exit error-response
  }
});

module.exports = router;
