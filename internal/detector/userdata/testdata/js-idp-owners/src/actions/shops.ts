"use server";
import { and, eq } from "drizzle-orm";
import { auth } from "@example/identity";
import { db } from "../db";
import { shops } from "../db/schema";

export async function closeShop(shopId: string) {
  const { userId } = auth();

  if (!userId) {
    throw new Error("Unauthorized");
  }

  await db.delete(shops).where(and(eq(shops.id, shopId), eq(shops.userId, userId)));
}
