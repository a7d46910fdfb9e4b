const express = require('express');
const multer = require('multer');
const ctl = require('../controllers/users');
const { requireAuth } = require('../middleware/auth');

const upload = multer({ dest: 'tmp/' });
const router = express.Router();

router.get('/count', async (req, res) => res.json({ n: 42 })); // want: GET /api/users/count; auth GET /api/users/count none

router.use(requireAuth);

router.get('/', ctl.list); // want: GET /api/users; auth GET /api/users required
router.get('/:id', async (req, res) => { // want: GET /api/users/{id}; auth GET /api/users/{id} required
  const id = parseInt(req.params.id, 10);
  res.json(await req.db.users.findUnique({ where: { id } }));
});
router
  .route('/:id/avatar')
  .post(upload.single('avatar'), ctl.avatar) // want: POST /api/users/{id}/avatar
  .delete(ctl.removeAvatar); // want: DELETE /api/users/{id}/avatar
router.patch('/:id/settings/:key?', (req, res) => res.sendStatus(204)); // want: PATCH /api/users/{id}/settings/{key}

module.exports = router;
