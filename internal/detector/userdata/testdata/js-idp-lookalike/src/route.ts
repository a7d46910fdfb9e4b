import { eq } from "drizzle-orm";
import { db } from "./db";
import { posts } from "./schema";

export async function POST(req: Request) {
  const { userId, title } = await req.json();
  if (!userId) {
    return new Response("userId required", { status: 400 });
  }
  await db.insert(posts).values({ userId, title });
  return Response.json(await db.select().from(posts).where(eq(posts.userId, userId)));
}
