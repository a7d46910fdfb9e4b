const express = require('express');
const path = require('path');
const fs = require('fs');
const { exec, execFile } = require('child_process');
const axios = require('axios');
const yaml = require('js-yaml');
const libxmljs = require('libxmljs');
const db = require('./lib/db');
const { runCmd } = require('./lib/shell');
const login = require('./routes/login');
const orders = require('./routes/orders');
const uploads = require('./routes/uploads');
const files = require('./routes/files');
const sso = require('./routes/sso');
const notes = require('./routes/notes');
const LedgerHandler = require('./routes/ledger');
const wallet = require('./routes/wallet');
const User = require('./lib/user');
const sanitizeHtml = require('sanitize-html');

const app = express();
app.use(express.json());

// Command injection through a wrapper in another file.
app.get('/ping', (req, res) => {
  const host = req.query.host;
  runCmd('ping -c 1 ' + host);
  res.send('ok');
});

// A value assigned to a local and used two lines later.
app.post('/convert', (req, res) => {
  const name = req.body.name;
  const out = `convert ${name} out.png`;
  exec(out, () => res.end()); // want: command-injection via=body
});

// Lookalike: arguments as a list, no shell.
app.post('/convert-safe', (req, res) => {
  execFile('convert', [req.body.name, 'out.png'], () => res.end());
});

// Destructured parameter.
app.get('/go', ({ query }, res) => res.redirect(query.to)); // want: open-redirect via=query

// Lookalike: redirect to a fixed path with the value as a query.
app.get('/go-home', (req, res) => res.redirect('/home?from=' + encodeURIComponent(req.query.from)));

// Lookalike: an allow-list check before the redirect.
const ALLOWED = ['/home', '/account'];
app.get('/go-checked', (req, res) => {
  const to = req.query.to;
  if (!ALLOWED.includes(to)) {
    return res.status(400).end();
  }
  res.redirect(to);
});

// SSRF: the URL whole from the body.
app.post('/preview', async (req, res) => {
  const { url } = req.body;
  const r = await axios.get(url); // want: ssrf via=body
  res.json({ status: r.status });
});

// Lookalike: a fixed host, the request picks a path.
app.get('/weather', async (req, res) => {
  const r = await axios.get(`https://api.weather.example/v1/${encodeURIComponent(req.query.city)}`);
  res.json(r.data);
});

// Path traversal: a file named by the request.
app.get('/files', (req, res) => {
  res.sendFile(path.join(__dirname, 'files', req.query.name)); // want: path-traversal via=query
});

// Lookalike: served from a root, which send confines.
app.get('/files-rooted', (req, res) => res.sendFile(req.query.name, { root: path.join(__dirname, 'files') }));

// Lookalike: basename keeps the name inside the folder.
app.get('/files-base', (req, res) => {
  fs.readFile(path.join(__dirname, 'files', path.basename(req.query.name)), (err, data) => res.end(data));
});

// Reflected XSS.
app.get('/hello', (req, res) => {
  res.send('<h1>Hello ' + req.query.name + '</h1>'); // want: xss via=query
});

// Lookalike: escaped, and JSON.
app.get('/hello-safe', (req, res) => res.send('<h1>Hello ' + escapeHtml(req.query.name) + '</h1>'));
app.get('/hello-json', (req, res) => res.json({ name: req.query.name }));

// Code injection.
app.post('/calc', (req, res) => {
  res.json({ result: eval(req.body.expr) }); // want: code-injection via=body
});
// A timer evaluates a string: request text, or text built around a
// parameter, is code.
app.post('/later', (req, res) => {
  setTimeout(req.body.script, 10); // want: code-injection via=body
  res.end();
});
function schedule(name) {
  setInterval('refresh("' + name + '")', 1000); // want: code-injection reach=none
}
// Lookalikes: a timer given a function (a promise's resolve, a callback
// passed down) calls it; nothing is evaluated.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function later(fn, delay) {
  return setTimeout(fn, delay);
}
app.get('/wait', async (req, res) => {
  await sleep(Number(req.query.ms));
  later(() => res.end(), 5);
});

// Deserialisation with js-yaml 3's load.
app.post('/import', (req, res) => {
  const doc = yaml.load(req.body.doc); // want: unsafe-deserialization via=body
  res.json(doc);
});

// XXE.
app.post('/xml', (req, res) => {
  const doc = libxmljs.parseXml(req.body.xml, { noent: true }); // want: xxe via=body
  res.send(doc.root().name());
});

// Lookalike: entities off.
app.post('/xml-safe', (req, res) => {
  const doc = libxmljs.parseXml(req.body.xml, { noent: false });
  res.json({ root: doc.root().name() });
});

// SQL through a helper module, built there.
app.get('/products', async (req, res) => {
  res.json(await db.search(req.query.q));
});

// Lookalike: parameterised.
app.get('/products-safe', async (req, res) => {
  res.json(await db.byId(req.params.id));
});

// Mass assignment and NoSQL injection.
app.post('/users', async (req, res) => {
  const user = await User.create(req.body); // want: mass-assignment via=body
  res.json({ id: user.id });
});
app.post('/users-picked', async (req, res) => {
  const user = await User.create({ name: req.body.name, email: req.body.email });
  res.json({ id: user.id });
});
app.post('/session', async (req, res) => {
  const user = await User.findOne({ email: req.body.email, password: req.body.password }); // want: nosql-injection via=body
  res.json({ ok: !!user });
});
app.post('/session-safe', async (req, res) => {
  const user = await User.findOne({ email: String(req.body.email) });
  res.json({ ok: !!user });
});

// A handler defined in another module, built by a factory.
app.post('/login', login());
app.post('/login/done', login.signedIn);
app.post('/login/home', login.signedInHome);
app.use('/orders', orders);
app.use('/uploads', uploads);
app.use('/files', files);
app.use('/auth', sso);
app.use('/wallet', wallet);
app.use('/api', notes(express.Router()));
const ledger = new LedgerHandler(db);
app.get('/ledger/:owner/above', ledger.above);
app.get('/ledger/:owner/below', ledger.below);

app.listen(3000);

// Lookalike: an SQL ORM's where clause takes no operator strings.
app.post('/session-orm', async (req, res) => {
  const user = await User.findOne({ where: { email: req.body.email } });
  res.json({ ok: !!user });
});

// Server-side templates: a value the template writes unescaped is the
// page's HTML (views/*: the want is on the template's line).
app.get('/profile', (req, res) => {
  res.render('profile', { bio: req.query.bio, name: req.query.name, motd: 'welcome' });
});
app.post('/comments/preview', (req, res) => {
  const text = req.body.text;
  res.render('comments/preview', { body: text });
});
app.get('/find', (req, res) => {
  res.render('find.njk', { q: req.query.q });
});
app.get('/notice', (req, res) => {
  res.render('notice', { ...req.query }); // want: template-injection via=query
});
// Lookalikes: escaped output, a sanitised value, a raw value the code
// chose.
app.get('/card', (req, res) => {
  res.render('card', { name: req.query.name });
});
app.post('/comments/clean', (req, res) => {
  res.render('comments/clean', { body: sanitizeHtml(req.body.text) });
});
app.get('/about', (req, res) => {
  res.render('about', { banner: '<b>hi</b>', who: req.query.who });
});

// Closures: a function the handler defines and calls captures its
// locals.
app.get('/trace', (req, res) => {
  const host = req.query.host;
  function trace() {
    exec('traceroute ' + host); // want: command-injection via=query
  }
  trace();
  res.end();
});
app.get('/dig', (req, res) => {
  const name = req.query.name;
  const lookup = () => exec('dig ' + name); // want: command-injection via=query
  lookup();
  res.end();
});
// Lookalike: the closure's own parameter shadows the request's value,
// and its only caller passes a constant: nothing gives it request data.
app.get('/uptime', (req, res) => {
  const host = req.query.host;
  const check = (host) => exec('uptime ' + host);
  check('localhost');
  res.json({ host });
});

// A helper whose caller hands on its own parameter: the caller, which
// nothing calls, reports the sink.
function runTool(args) {
  return exec('tool ' + args); // want: command-injection reach=none
}
function toolFor(name) {
  return runTool('--name ' + name);
}
// Lookalike: a helper called only with text the code builds.
function clean(dir) {
  return exec('rm -rf ' + dir);
}
clean('./build');
clean(`./dist/${process.platform}`);

// XXE with the parser's options declared before the call.
app.post('/xml-import', (req, res) => {
  const parseOptions = { noent: true, dtdload: true };
  const doc = libxmljs.parseXml(req.body.xml, parseOptions); // want: xxe via=body
  res.send(doc.root().name());
});
// Lookalike: the declared options leave entities off.
app.post('/xml-import-safe', (req, res) => {
  const safeOptions = { noent: false };
  const doc = libxmljs.parseXml(req.body.xml, safeOptions);
  res.send(doc.root().name());
});

// A handler no route registers: shaped like one (it reads a request's
// query), reported as reached by no route.
function legacyPreview(req, res) {
  res.send('<p>' + req.query.text + '</p>'); // want: xss reach=none
}
// Lookalike: a callback inside a handler gets the library's error, not a
// request, though it reads err.path.
app.get('/manifest', (req, res) => {
  fs.readFile(path.join(__dirname, 'manifest.xml'), 'utf8', function (err, data) {
    if (err) {
      res.send(err.path);
    } else {
      res.send(data);
    }
  });
});

// Mass assignment through a record built from the body and saved.
app.post('/accounts', async (req, res) => {
  const account = new User(req.body); // want: mass-assignment via=body
  await account.save();
  res.status(201).json({ id: account.id });
});
app.post('/accounts/quick', (req, res) => {
  new User(req.body).save().then(() => res.end()); // want: mass-assignment via=body
});
// Lookalikes: named fields only; an object built from the body and never
// stored.
app.post('/accounts-named', async (req, res) => {
  const account = new User({ name: req.body.name, email: req.body.email });
  await account.save();
  res.end();
});
app.post('/preview', (req, res) => {
  const draft = new Draft(req.body);
  res.json(draft.summary());
});

// Index reads of the request: a string key is the member it names.
app.post('/run', (req, res) => {
  const body = req.body;
  res.json({ out: eval(body["code"]) }); // want: code-injection via=body
});
app.get('/cat', (req, res) => {
  exec('cat /srv/docs/' + req["query"]['file']); // want: command-injection via=query
  res.end();
});
// Lookalike: the indexed value is the code's own table, the request only
// picks the key.
const SNIPPETS = { hello: 'print("hi")' };
app.post('/snippet', (req, res) => {
  res.json({ out: eval(SNIPPETS["hello"]) });
});

// An equality with a literal holds in its own branch only: the else
// branch, and the code after, still have the request's value.
app.get('/lang', (req, res) => {
  const lang = req.query.lang;
  if (lang === 'en') {
    res.send('<p>English</p>');
  } else {
    res.send('<p>Unknown language ' + lang + '</p>'); // want: xss via=query
  }
});
app.get('/lang-after', (req, res) => {
  if (req.query.lang === 'en') {
    res.set('Content-Language', 'en');
  }
  res.send('<p>' + req.query.lang + '</p>'); // want: xss via=query
});
// Lookalikes: inside the branch where it equals the literal; after a
// rejection when it differs; after an else that leaves.
app.get('/lang-en', (req, res) => {
  const lang = req.query.lang;
  if (lang === 'en') {
    res.send('<p>' + lang + '</p>');
  }
});
app.get('/lang-only', (req, res) => {
  if (req.query.lang !== 'en') return res.status(400).end();
  res.send('<p>' + req.query.lang + '</p>');
});
app.get('/lang-else', (req, res) => {
  const lang = req.query.lang;
  if (['en', 'fr'].includes(lang)) {
    res.set('Content-Language', lang);
  } else {
    return res.status(400).end();
  }
  res.send('<p>' + lang + '</p>');
});

// The body spread into the record's fields is mass assignment; the body
// kept whole in one field, or a resolver's argument named body, is not.
app.post('/profiles', async (req, res) => {
  await Profile.create({ ...req.body, owner: req.user.id }); // want: mass-assignment via=body
  res.end();
});
app.post('/drafts', async (req, res) => {
  await Draft.create({ owner: req.user.id, content: req.body });
  res.end();
});
const noteResolvers = {
  createNote: async (parent, args) => {
    const note = new Note({ name: args.name, body: args.body });
    await note.save();
    return note;
  },
};
module.exports.noteResolvers = noteResolvers;

// Lookalike: Sequelize's update takes the values first and filters by
// its where clause; a Mongo update's first argument is the filter.
app.post('/password', async (req, res) => {
  await Account.update({ password: hash(req.body.password) }, { where: { id: req.user.id } });
  await Account.update({ nickname: req.body.nickname }, { where: { id: req.user.id } });
  res.end();
});
app.post('/mongo-rename', async (req, res) => {
  await accounts.updateOne({ name: req.body.name }, { $set: { renamed: true } }); // want: nosql-injection via=body
  res.end();
});

// A template the request names: any view, or a file outside views/.
app.get('/page', (req, res) => {
  res.render(req.query.page, { title: 'Page' }); // want: path-traversal via=query
});
// Lookalike: the request picks among the app's own templates.
const PAGES = { about: 'about', card: 'card' };
app.get('/page-safe', (req, res) => {
  res.render(PAGES[req.query.page] ? PAGES[req.query.page] : 'about', { title: 'Page' });
});
// A test of the request's method narrows req.method only: the body is
// still what the client sent.
app.all('/echo', (req, res) => {
  if (req.method === 'POST') {
    res.send('<p>' + req.body.q + '</p>'); // want: xss via=body
  }
});

// The whole body as a render call's values: Express hands them to the
// engine as options too (a layout file, EJS's outputFunctionName).
app.post('/account', (req, res) => {
  const profile = req.body;
  profile.name = String(profile.name).trim();
  res.render('account', profile); // want: template-injection via=body
});
// Lookalike: named fields of the body are values, not options.
app.post('/account-fields', (req, res) => {
  res.render('account', { name: req.body.name, email: req.body.email });
});
