// packages/cms takes the name "twilio" but is UNLICENSED, npm's mark of a
// package never published: Twilio stays a third party.
import twilio from "twilio"; // want: third-party twilio

export const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN); // want: uses-secret twilio TWILIO_AUTH_TOKEN; third-party twilio
