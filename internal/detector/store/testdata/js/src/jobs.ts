// Three ways a product queues work: a managed queue, a job queue on its
// own Redis, and that Redis itself. Each is a store: jobs wait in them.
import { send } from "@vercel/queue"; // want: store vercel-queue Vercel Queues
import { Queue } from "bullmq"; // want: store bullmq BullMQ / Bull (Redis queue)
import IORedis from "ioredis"; // want: store redis Redis

const connection = new IORedis(process.env.JOBS_REDIS);
const digests = new Queue("digests", { connection });

export async function enqueueDigest(userId: string) {
  await digests.add("send", { userId });
  await send("digest", { userId });
}
