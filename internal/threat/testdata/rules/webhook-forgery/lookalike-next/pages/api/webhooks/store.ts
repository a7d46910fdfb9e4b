import type { NextApiRequest, NextApiResponse } from "next";
import { timingSafeEqual } from "crypto";
import { db } from "../../../lib/db";

// The store sends the token configured on its side; it is the secret.
const isAuthorized = (req: NextApiRequest) => {
  const secret = process.env.STORE_HOOK_TOKEN || "";
  const token = String(req.query.token || "");
  const a = Buffer.from(token);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

export default async function storeHook(req: NextApiRequest, res: NextApiResponse) {
  if (!isAuthorized(req)) {
    return res.status(401).json({ error: "bad token" });
  }
  await db.plan.update({ where: { id: req.body.planId }, data: { active: true } });
  res.status(204).end();
}
