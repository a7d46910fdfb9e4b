const express = require('express');
const path = require('path');
const app = express();

app.get('/download', (req, res) => {
  res.download(path.join(__dirname, 'exports', path.basename(req.query.file)));
});

app.listen(3000);
