import { Resend } from "resend"; // want: third-party resend

export const resend = new Resend(process.env.RESEND_API_KEY); // want: third-party resend; uses-secret resend RESEND_API_KEY
