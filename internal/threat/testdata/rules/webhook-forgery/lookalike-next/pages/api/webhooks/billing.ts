import type { NextApiRequest, NextApiResponse } from "next";
import Stripe from "stripe";
import { db } from "../../../lib/db";

const stripe = new Stripe(process.env.STRIPE_KEY || "");

export const config = { api: { bodyParser: false } };

async function rawBody(req: NextApiRequest): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export default async function billingHook(req: NextApiRequest, res: NextApiResponse) {
  let event: Stripe.Event;
  try {
    // Checks the signature and that its timestamp is recent.
    event = stripe.webhooks.constructEvent(await rawBody(req), req.headers["stripe-signature"] as string, process.env.STRIPE_HOOK_SECRET || "");
  } catch {
    return res.status(400).end();
  }
  if (event.type === "customer.subscription.deleted") {
    await db.plan.update({ where: { stripeId: (event.data.object as Stripe.Subscription).id }, data: { active: false } });
  }
  res.status(204).end();
}
