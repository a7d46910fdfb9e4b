const express = require('express');
const path = require('path');
const app = express();

// The report may only be one of two names; any other is refused.
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
      return res.status(404).send('No such report');
  }
  res.download(path.join(__dirname, 'exports', name + '.csv'), title + '.csv');
});

app.listen(3000);
