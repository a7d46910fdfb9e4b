module.exports = async function (fastify) {
  fastify.get('/', async () => []); // want: GET /api/users
  fastify.delete('/:id', async (request) => ({ id: request.params.id })); // want: DELETE /api/users/{id}
};
