const express = require('express');
const path = require('path');
const app = express();

// The switch picks a title, but an unknown name goes on to the download.
app.get('/reports/:name', (req, res) => {
  const name = req.params.name;
  let title;
  switch (name) {
    case 'transactions':
      title = 'Transactions';
      break;
    case 'bills':
      title = 'Bills';
      break;
    default:
      title = 'Report';
  }
  res.download(path.join(__dirname, 'exports', name + '.csv'), title + '.csv');
});

app.listen(3000);
