// Documents written to MongoDB as plain objects.
function ProfileDAO(db) {
  const profiles = db.collection("profiles");

  this.save = (userId, firstName, ssn, dob, bankAcc, done) => {
    const doc = { userId, firstName }; // want: asset user-data profiles bankAcc,dob,firstName,ssn
    if (ssn) {
      doc.ssn = ssn;
    }
    doc.dob = dob;
    doc.bankAcc = bankAcc;
    profiles.updateOne({ _id: userId }, { $set: doc }, done);
  };

  this.note = async (text) => {
    await db.collection("notes").insertOne({ text, at: new Date() }); // want: asset user-data notes text
  };

  this.counter = () => db.collection("counters").insertOne({ name: "n", seq: 0 });
}

// Lookalikes: an object sent in a response and a Sequelize update are
// no collection writes.
function handler(req, res, User) {
  res.json({ email: req.body.email, password: "x" });
  User.update({ email: req.body.email }, { where: { id: 1 } });
  const cache = new Map();
  cache.insert = () => {};
  cache.insert({ ssn: "1" });
}

module.exports = { ProfileDAO, handler };
