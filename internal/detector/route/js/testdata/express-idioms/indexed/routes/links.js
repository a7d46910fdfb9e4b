const { Router } = require('express');

const router = Router();
router.get('/', (req, res) => res.json([])); // want: GET /indexed/api/links
router.delete('/:id', (req, res) => res.status(204).end()); // want: DELETE /indexed/api/links/{id}

module.exports = router;
