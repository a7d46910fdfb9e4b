const Stripe = require("stripe"); // want: third-party stripe

const stripe = Stripe(process.env.STRIPE_SECRET_KEY); // want: uses-secret stripe STRIPE_SECRET_KEY; third-party stripe
module.exports = { stripe, webhookSecret: process.env.STRIPE_WEBHOOK_SECRET }; // want: uses-secret stripe STRIPE_WEBHOOK_SECRET; third-party stripe
