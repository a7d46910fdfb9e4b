import { initTRPC } from "@trpc/server";

import { billingRouter } from "./billing";

const t = initTRPC.create();
export const appRouter = t.router({ billing: billingRouter });
export const createCaller = t.createCallerFactory(appRouter);
