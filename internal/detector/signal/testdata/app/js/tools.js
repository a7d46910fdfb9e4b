const { exec, execFile } = require("child_process");
const serialize = require("node-serialize");
const libxmljs = require("libxmljs");
const needle = require("needle");

/*
app.use(rateLimit({ windowMs: 1000, max: 1 }));
const hash = bcrypt.hashSync(password, 10);
*/

router.post("/ping", (req, res) => {
  exec("ping -c 1 " + req.body.host, (err, out) => res.send(out)); // want: weakness command-injection
  const cmd = `dig ${req.body.host}`;
  exec(cmd, (err, out) => res.send(out)); // want: weakness command-injection
  execFile("ping", ["-c", "1", req.body.host]); // no shell: safe
  const m = /^[a-z]+$/.exec(req.body.host); // a regex, not a process
});

router.post("/restore", (req, res) => {
  const obj = serialize.unserialize(req.body.state); // want: weakness unsafe-deserialization
  res.json(obj);
});

router.post("/products.xml", (req, res) => {
  const doc = libxmljs.parseXmlString(req.body.xml, { noent: true, noblanks: true }); // want: weakness xxe
  const safe = libxmljs.parseXmlString(req.body.xml, { noblanks: true });
  res.json({ doc, safe });
});

router.get("/learn", (req, res) => {
  res.redirect(req.query.url); // want: weakness open-redirect
});

router.get("/out", (req, res) => {
  const dest = req.query.dest;
  res.redirect(dest); // want: weakness open-redirect
});

router.get("/login-done", (req, res) => {
  res.redirect("/dashboard");
});

router.get("/users", (req, res) => {
  const query = "SELECT * FROM users WHERE login = '" + req.query.login + "'";
  db.query(query, (err, rows) => res.json(rows)); // want: weakness sql-injection
  const safe = "SELECT * FROM users WHERE login = ?";
  db.query(safe, [req.query.login]);
});

router.get("/research", (req, res) => {
  const researchUrl = req.query.url + req.query.symbol;
  needle.get(researchUrl, (err, r) => res.send(r.body)); // want: weakness ssrf
});

const agent = new https.Agent({ rejectUnauthorized: false }); // want: weakness tls-unverified

function requireVerified(req, res, next) {
  if (!req.user.emailVerified) return res.status(403).end(); // want: control email-verification
  next();
}
