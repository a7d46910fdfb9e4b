import { Router } from 'express';

const router = Router();

function purgeUser(req, res) {
  return req.db.users.destroy({ where: { id: req.params.id } }).then(() => res.sendStatus(204));
}

router.get('/stats', (req, res) => res.json({})); // want: GET /admin/stats; auth GET /admin/stats required
router.delete('/users/:id', purgeUser); // want: DELETE /admin/users/{id}

export default router;
