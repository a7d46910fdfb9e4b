const express = require('express');
const OrderController = require('../controllers/orders');

const router = express.Router();
const controller = new OrderController();

router.get('/:id', controller.show);
router.get('/:id/invoice', (req, res) => controller.invoice(req, res));

module.exports = router;
