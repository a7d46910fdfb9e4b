const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = express();

const doc = new DOMParser().parseFromString('<users><user><name>ann</name></user></users>');

app.get('/users', (req, res) => {
  const nodes = xpath.select(`//user[name/text()='${req.query.name}']`, doc);
  res.json(nodes.length);
});

app.listen(3000);
