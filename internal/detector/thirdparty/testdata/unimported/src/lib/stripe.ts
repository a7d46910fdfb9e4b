import Stripe from "stripe"; // want: third-party stripe

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? ""); // want: third-party stripe; uses-secret stripe STRIPE_SECRET_KEY
