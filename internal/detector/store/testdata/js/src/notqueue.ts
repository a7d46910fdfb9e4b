// Lookalike: a local array named queue, and a comment about
// import { Queue } from "bullmq", hold no jobs outside the process.
const queue: string[] = [];
export const push = (s: string) => queue.push(s);
