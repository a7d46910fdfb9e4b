// Lookalike: the limiter registered with global: false limits only the
// routes that opt in with config.rateLimit; no app-wide limiter.
import rateLimit from '@fastify/rate-limit';

export async function setup(app: any) {
  await app.register(rateLimit, { global: false, max: 5 });
  await app.register(import('@fastify/compress'));
}
