import express from 'express';

const router = express.Router({ mergeParams: true });

router.put('/:itemId', async (req, res) => res.sendStatus(204)); // want: PUT /v2/orders/{orderId}/items/{itemId}

export default router;
