export const autoPrefixNote = '/not-a-prefix';

export default async function reports(fastify) {
  fastify.get('/reports', async () => []); // want: GET /reports
}
