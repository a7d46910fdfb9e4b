import type { NextApiRequest, NextApiResponse } from "next";
import { timingSafeEqual } from "crypto";
import { db } from "../../../lib/db";

export default async function playHook(req: NextApiRequest, res: NextApiResponse) {
  // Both sides come from the request: the sender picks both.
  if (req.headers["x-play-token"] == req.query.token) {
    await db.plan.update({ where: { id: req.body.planId }, data: { active: false } });
  }
  if (!timingSafeEqual(Buffer.from(String(req.headers["x-play-token"])), Buffer.from(String(req.query.token)))) {
    return res.status(401).end();
  }
  res.status(204).end();
}
