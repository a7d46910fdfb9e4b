const express = require('express');
const _ = require('lodash');

const app = express();
app.use(express.json());

// A lodash whose merge walks __proto__, given a part of the body.
app.post('/messages', (req, res) => {
  const message = { icon: 'wave' };
  _.merge(message, req.body.message, { at: Date.now() }); // want: prototype-pollution via=body
  res.json(message);
});
// A property path the request names.
app.post('/prefs', (req, res) => {
  const prefs = {};
  _.set(prefs, req.body.path, req.body.value); // want: prototype-pollution via=body
  res.json(prefs);
});
// Lookalike: two constants merged.
app.get('/defaults', (req, res) => {
  res.json(_.merge({ theme: 'light' }, { lang: 'en' }));
});

// A merge written by hand that recurses into each key.
function deepMerge(target, source) {
  for (const key in source) {
    if (typeof source[key] === 'object' && source[key] !== null) {
      if (!target[key]) target[key] = {};
      deepMerge(target[key], source[key]);
    } else {
      target[key] = source[key]; // want: prototype-pollution via=body
    }
  }
  return target;
}
app.post('/settings', (req, res) => {
  res.json(deepMerge({}, req.body));
});

// Lookalike: the same merge, skipping the keys that reach a prototype.
function safeMerge(target, source) {
  Object.keys(source).forEach((key) => {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return;
    if (typeof source[key] === 'object') {
      target[key] = safeMerge(target[key] || {}, source[key]);
    } else {
      target[key] = source[key];
    }
  });
  return target;
}
app.post('/settings-safe', (req, res) => {
  res.json(safeMerge({}, req.body));
});
// Lookalike: a copy that does not recurse sets keys on one object only.
function copyInto(target, source) {
  for (const key in source) {
    target[key] = source[key];
  }
  return target;
}
app.post('/copy', (req, res) => {
  res.json(copyInto({}, { name: String(req.body.name) }));
});

module.exports = app;
