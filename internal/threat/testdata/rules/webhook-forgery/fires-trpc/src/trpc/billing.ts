import { initTRPC } from "@trpc/server";
import Stripe from "stripe";
import { z } from "zod";
import { Pool } from "pg";

const t = initTRPC.create();
const publicProcedure = t.procedure;
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export const billingRouter = t.router({
  handleStripeEvent: publicProcedure
    .input(z.object({ body: z.string(), signature: z.string() }))
    .mutation(async ({ input }) => {
      const event = JSON.parse(input.body);
      if (event.type === "checkout.session.completed") {
        await pool.query("UPDATE accounts SET plan = 'pro' WHERE customer = $1", [event.data.object.customer]);
      }
      return { received: true };
    }),
});
