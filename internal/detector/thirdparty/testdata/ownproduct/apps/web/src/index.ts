import { ai } from "./ai";
import { stripe } from "./pay";
import { ph } from "./track";
import { mail } from "./mail";

export const services = { ai, stripe, ph, mail };
