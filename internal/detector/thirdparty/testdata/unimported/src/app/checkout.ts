import "../lib/sentry";
import { stripe } from "@/lib/stripe";
import { resend } from "../lib/mail";
import { claude } from "#lib/anthropic";
import { mistral } from "../lib/ai";

export async function checkout(customer: string) {
  const session = await stripe.checkout.sessions.create({ customer, mode: "payment" });
  await resend.emails.send({ from: "shop@shop.test", to: customer, subject: "Order", text: session.id });
  return { session, claude, mistral };
}
