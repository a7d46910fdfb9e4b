const express = require('express');
const { requireRole } = require('./middleware/auth');

const router = express.Router();
router.get('/open', (req, res) => res.json({ open: true })); // want: GET /admin/open auth=none
router.use(requireRole('admin'));
router.post('/users/:id/ban', (req, res) => res.sendStatus(204)); // want: POST /admin/users/{id}/ban auth=required role=admin

module.exports = router;
