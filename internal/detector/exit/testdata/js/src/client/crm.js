// A server's API client in a folder named client: server.js requires it,
// so its call leaves the product's servers.
const axios = require('axios');

exports.addContact = (email) =>
  axios.post('https://api.example-crm.com/v1/contacts', { email }); // want: exit outbound-call
