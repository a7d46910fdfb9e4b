import type { NextApiRequest, NextApiResponse } from "next";
import { timingSafeEqual } from "crypto";
import { db } from "../../../lib/db";

// Same name as store.ts's helper: each route calls its own.
const isAuthorized = (req: NextApiRequest) => {
  const given = Buffer.from(String(req.headers["x-play-token"] || ""));
  const want = Buffer.from(process.env.PLAY_HOOK_TOKEN || "");
  return given.length === want.length && timingSafeEqual(given, want);
};

export default async function playHook(req: NextApiRequest, res: NextApiResponse) {
  if (!isAuthorized(req)) return res.status(401).end();
  await db.plan.update({ where: { id: req.body.planId }, data: { active: false } });
  res.status(204).end();
}
