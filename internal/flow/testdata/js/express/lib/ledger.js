// A data-access object written as a constructor function: its methods
// are this.x = (...) => {...}, and a query filter is built by a closure
// from the method's own parameter.
const Ledger = function (db) {
  const entries = db.collection('entries');

  this.above = (owner, limit, done) => {
    const ownerId = parseInt(owner);
    const criteria = () => {
      if (limit) {
        return { $where: `this.owner == ${ownerId} && this.amount > '${limit}'` };
      }
      return { owner: ownerId };
    };
    entries.find(criteria()).toArray(done); // want: nosql-injection via=query
  };

  // Lookalike: the limit is parsed to a number before the $where.
  this.below = (owner, limit, done) => {
    const n = parseInt(limit, 10);
    const criteria = () => ({ $where: `this.amount < ${n}` });
    entries.find(criteria()).toArray(done);
  };
};

module.exports.Ledger = Ledger;
