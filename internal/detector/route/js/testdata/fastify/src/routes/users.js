module.exports = async function userRoutes(fastify, opts) {
  fastify.get('/', async (request) => request.server.db.users.list()); // want: GET /v1/users; auth GET /v1/users none

  fastify.get('/:id', { preHandler: [fastify.authenticate] }, async (request) => { // want: GET /v1/users/{id}; auth GET /v1/users/{id} required
    return fastify.db.users.find(Number(request.params.id));
  });

  fastify.route({
    method: ['PUT', 'PATCH'],
    url: '/:id/profile', // want: PUT /v1/users/{id}/profile; PATCH /v1/users/{id}/profile
    preHandler: fastify.authenticate,
    handler: async (request, reply) => reply.code(204).send(),
  });

  fastify.post('/:id/avatar', async (request) => { // want: POST /v1/users/{id}/avatar
    const file = await request.file();
    return { name: file.filename };
  });
};
