// A bookshop whose routers are built by factories and setup functions:
// every prefix below must reach the routes the called function registers.
const express = require('express');
const session = require('express-session');
const bodyParser = require('body-parser');
const cookieParser = require('cookie-parser');
const morgan = require('morgan');
const cors = require('cors');
const rateLimit = require('express-rate-limit');
const passport = require('passport');
const path = require('path');
const db = require('./lib/db');
const makeCatalog = require('./routes/catalog');
const { buildOrders } = require('./routes/orders');
const mountApi = require('./routes');

const app = express();
const api = express.Router();
const admin = express.Router();

app.use(morgan('combined'));
app.use(express.static(path.join(__dirname, 'public')));
app.use('/vendor', express.static(path.join(__dirname, 'node_modules/bootstrap/dist')));
app.use('/media', express.static(path.join(__dirname, 'uploads'))); // want: GET /media; auth GET /media none
app.use(cookieParser());
app.use(bodyParser.json());
app.use(bodyParser.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(passport.initialize());
app.use(passport.session());
app.use(cors({ origin: 'https://shop.example.com' }));
app.use(rateLimit({ windowMs: 60 * 1000, max: 300 }));

app.use('/account', require('./routes/account')());
app.use('/auth', require('./routes/auth')(passport));
app.use('/catalog', makeCatalog(db));
app.use('/api', mountApi(api));
app.use('/orders', buildOrders(express.Router()));
require('./routes/pages')(app);
require('./routes/admin')(admin);
app.use('/admin', admin);

function healthRoutes(deps) {
  const r = express.Router();
  r.get('/live', (req, res) => res.json({ up: true, db: deps.ready })); // want: GET /health/live; auth GET /health/live none
  return r;
}

app.use('/health', healthRoutes(db));
const files = require('./routes/files');
const notes = require('./routes/notes');
app.use('/files', files.handlers);
app.use('/notes', notes.handlers);

// app.use('/old', require('./routes/old')());

// A prefix read at run time: the router's routes are kept under an
// unknown prefix and the mount is said once. A constant prefix says nothing.
const { PARTNER_PREFIX } = require('./lib/prefixes');
const FEEDS = '/feeds';
app.use(PARTNER_PREFIX, require('./routes/partners')); // want: missed 1
app.use(FEEDS, require('./routes/feeds'));

app.listen(process.env.PORT || 8080);
