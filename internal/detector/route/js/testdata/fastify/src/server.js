'use strict';
const Fastify = require('fastify');
const authPlugin = require('./plugins/auth');

const fastify = Fastify({ logger: true });

fastify.register(require('@fastify/cors'));
fastify.register(authPlugin);
fastify.register(require('./routes/users'), { prefix: '/v1/users' });
fastify.register(require('./routes/admin'), { prefix: '/v1/admin' });
fastify.register(async function health(instance) {
  instance.get('/healthz', async () => ({ ok: true })); // want: GET /healthz; auth GET /healthz none
});

fastify.addHttpMethod('QUERY', { hasBody: true });
fastify.query('/reports/search', async (request) => ({ filter: request.body })); // want: QUERY /reports/search
fastify.register(async function stats(instance, opts) {
  instance.query('/stats', async () => []); // want: QUERY /stats
  // A database call by the same name on the same instance: not a route.
  instance.pg.query('SELECT count(*) FROM reports', [], (err, res) => res);
  instance.query('SELECT 1', (err) => err);
  instance.query('/not-a-route', { timeout: 5 });
});

fastify.listen({ port: 3000 });
