const jwt = require('jsonwebtoken');
jwt.sign({ a: [1, 2 }, 'unterminated
session({ secret: 
process.env.JWT_SECRET || 
}}}))) ((( `${
