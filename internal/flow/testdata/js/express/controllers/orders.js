const fs = require('fs');
const db = require('../lib/db-raw');

class OrderController {
  async show(req, res) {
    const order = await db.one('SELECT * FROM orders WHERE id = ' + req.params.id); // want: sql-injection via=param
    res.json(order);
  }

  invoice(req, res) {
    fs.createReadStream('/srv/invoices/' + req.params.id + '.pdf').pipe(res); // want: path-traversal via=param
  }
}

module.exports = OrderController;
