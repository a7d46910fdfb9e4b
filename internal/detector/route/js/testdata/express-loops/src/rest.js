// CRUD routes a REST resource library generates for a model.
const express = require('express');
const finale = require('finale-rest');
const cloud = require('./cloud');
const { sequelize, User, Invoice } = require('./models');

const app = express();
finale.initialize({ app, sequelize });

// want: GET /users; POST /users; GET /users/{id}; PUT /users/{id}; DELETE /users/{id}
finale.resource({ model: User, endpoints: ['/users', '/users/:id'] });

// Only the actions listed. want: GET /invoices
finale.resource({ model: Invoice, endpoints: ['/invoices', '/invoices/:id'], actions: ['list'] });

// Lookalike: another library's resource() builds no route.
cloud.resource({ kind: 'bucket', endpoints: ['/b'] });

module.exports = app;
