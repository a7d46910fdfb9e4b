// Hosts named only in comments, in hosts that merely start like an API's,
// and in console URLs: none is a call to the service.
// const res = await fetch("https://api.groq.com/openai/v1/chat/completions");
/* Stripe: https://api.stripe.com/v1/charges */
export const docs = [
  "https://console.groq.com/keys",
  "https://api.stripe.com.example.net/v1",
  "https://notapi.openai.com/",
  "https://dashboard.plaid.com/",
];
