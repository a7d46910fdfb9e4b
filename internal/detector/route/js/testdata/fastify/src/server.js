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

fastify.listen({ port: 3000 });
