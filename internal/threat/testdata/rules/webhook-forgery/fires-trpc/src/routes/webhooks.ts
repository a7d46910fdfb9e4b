import { Hono } from "hono";

import { createCaller } from "../trpc/caller";

// The route hands the raw body and the signature to a tRPC procedure
// that never verifies it: the event is taken on the sender's word.
export const webhooks = new Hono().post("/stripe", async (c) => {
  const body = await c.req.text();
  const signature = c.req.header("stripe-signature");
  if (!signature) {
    return c.json({ error: "missing signature" }, 400);
  }
  const api = createCaller({});
  const result = await api.billing.handleStripeEvent({ body, signature });
  return c.json(result);
});
