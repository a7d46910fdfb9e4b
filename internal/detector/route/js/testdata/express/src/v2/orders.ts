import { Router } from 'express';
import itemsRouter from './items';

const router = Router();

router.get('/', async (req, res) => res.json([])); // want: GET /v2/orders
router.post('/:orderId/checkout', async (req, res) => { // want: POST /v2/orders/{orderId}/checkout
  const session = await req.stripe.checkout.sessions.create({ mode: 'payment' });
  res.json({ url: session.url });
});
router.use('/:orderId/items', itemsRouter);

export default router;
