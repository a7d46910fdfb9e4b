// Calendly's webhooks: the product reads their signature header.
export function calendlyWebhook(req: Request) {
  return req.headers.get("Calendly-Webhook-Signature");
}
