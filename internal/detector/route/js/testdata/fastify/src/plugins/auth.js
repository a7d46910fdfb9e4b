const fp = require('fastify-plugin');

module.exports = fp(async function (fastify) {
  fastify.register(require('@fastify/jwt'), { secret: process.env.JWT_SECRET });
  fastify.decorate('authenticate', async (request, reply) => {
    await request.jwtVerify();
  });
});
