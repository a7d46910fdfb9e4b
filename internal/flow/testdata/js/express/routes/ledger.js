const Ledger = require('../lib/ledger').Ledger;

function LedgerHandler(db) {
  const ledger = new Ledger(db);

  this.above = (req, res, next) => {
    const { owner } = req.params;
    const { limit } = req.query;
    ledger.above(owner, limit, (err, rows) => (err ? next(err) : res.json(rows)));
  };

  this.below = (req, res, next) => {
    ledger.below(req.params.owner, req.query.limit, (err, rows) => (err ? next(err) : res.json(rows)));
  };
}

module.exports = LedgerHandler;
