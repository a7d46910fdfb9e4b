import OpenAI from "openai";
import Stripe from "stripe";

export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY }); // want: credential OPENAI_API_KEY secret openai
export const stripe = new Stripe(process.env["STRIPE_SECRET_KEY"]!, { apiVersion: "2024-06-20" }); // want: credential STRIPE_SECRET_KEY secret stripe

const {
  RESEND_API_KEY, // want: credential RESEND_API_KEY secret resend
  APP_URL: appUrl = "http://localhost:3000", // want: credential APP_URL config -
} = process.env;

// const legacy = process.env.LEGACY_SENDGRID_API_KEY;
/* process.env.BLOCK_COMMENTED_TOKEN */
const port = Number(process.env.PORT ?? 3000); // want: credential PORT config -
const mode = process.env.NODE_ENV;
export const cfg = { appUrl, port, mode, resendKey: RESEND_API_KEY };
