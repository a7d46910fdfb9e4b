import { ai } from "./ai";
import { stripe } from "./pay";
import { ph } from "./track";
import { mail } from "./mail";
import { sms } from "./sms";

export const services = { ai, stripe, ph, mail, sms };
