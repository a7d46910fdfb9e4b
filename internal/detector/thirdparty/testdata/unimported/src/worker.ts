import twilio from "twilio"; // want: third-party twilio

const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN); // want: third-party twilio; uses-secret twilio TWILIO_AUTH_TOKEN

export default {
  async fetch() {
    await sms.messages.create({ to: "+15550100", from: "+15550101", body: "hi" });
    return new Response("ok");
  },
};
