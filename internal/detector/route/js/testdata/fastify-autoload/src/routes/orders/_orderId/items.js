export default async function items(fastify) {
  fastify.get('/items', async (request) => ({ order: request.params.orderId })); // want: GET /api/orders/{orderId}/items
}
