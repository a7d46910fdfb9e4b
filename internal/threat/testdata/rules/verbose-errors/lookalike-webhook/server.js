const express = require("express");
const Stripe = require("stripe");

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
const app = express();

// The error of handling an event goes back only to Stripe: the event's
// signature was verified before the handling began.
app.post("/webhooks/stripe", express.raw({ type: "application/json" }), async (req, res) => {
  let event;
  try {
    event = stripe.webhooks.constructEvent(req.body, req.headers["stripe-signature"], process.env.STRIPE_WEBHOOK_SECRET);
  } catch (err) {
    return res.status(400).json({ error: "Webhook Error: could not verify the event" });
  }
  try {
    await handle(event);
    res.json({ received: true });
  } catch (err) {
    res.status(400).json({ error: `Webhook Error: ${err.message}` });
  }
});

async function handle(event) {
  console.log(event.type);
}

app.listen(3000);
