const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();

const doc = new DOMParser().parseFromString('<users><user><name>ann</name></user></users>');

// The expression is the code's own; the request's name is compared after.
app.get('/users', (req, res) => {
  const names = xpath.select('//user/name/text()', doc).map((n) => n.nodeValue);
  res.json(names.includes(req.query.name));
});

app.listen(3000);
