import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { ADMIN_REPORTS } from '../../lib/paths';

const adminRoutes: FastifyPluginAsync = async (app: FastifyInstance) => {
  app.addHook('onRequest', app.authenticate);

  app.get(ADMIN_REPORTS, async () => []); // want: GET /v1/admin/reports; auth GET /v1/admin/reports required
  app.delete('/users/:userId', async (req) => { // want: DELETE /v1/admin/users/{userId}
    await app.db.users.deleteOne({ id: req.params.userId });
  });
};

export default adminRoutes;
