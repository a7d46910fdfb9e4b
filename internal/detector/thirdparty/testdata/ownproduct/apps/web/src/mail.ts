// The product's own SDK, built in packages/sdk: no third party.
import { Resend } from "resend";

export const mail = new Resend(process.env.RESEND_API_KEY);
