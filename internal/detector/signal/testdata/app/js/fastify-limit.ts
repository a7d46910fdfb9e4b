// A NestJS app on Fastify registers the limiter plugin for every route.
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyCsrf from '@fastify/csrf-protection';

export async function setup(app: any, settings: any) {
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });
  await app.register(fastifyRateLimit, { // want: control rate-limit
    hook: 'preHandler',
    max: settings.max,
    timeWindow: settings.window,
  });
}
