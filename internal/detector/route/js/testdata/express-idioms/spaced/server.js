// Calls written with spaces and line breaks inside: the same calls to the
// parser, in a file with no route keyword written without spaces.
const express = require('express');
const axios = require('axios');

const app = express();
const api = express . Router ( );

app
  . get
  (
    '/spaced/health',
    (req, res) => res.json({ ok: true }) // want: GET /spaced/health
  );

api
  . get ( '/items', (req, res) => res.json([]) ) // want: GET /spaced/api/items
  . post ( '/items', (req, res) => res.status(201).end() ); // want: POST /spaced/api/items

api . route ( '/items/:id' )
  . put ( (req, res) => res.end() ) // want: PUT /spaced/api/items/{id}
  . delete ( (req, res) => res.end() ); // want: DELETE /spaced/api/items/{id}

app . use ( '/spaced/api' , api );

// Lookalikes: an HTTP client's get with a path and a callback, and the
// settings getter (one argument), are not routes.
const upstream = axios . create ( { baseURL: 'http://inventory' } );
upstream . get ( '/stock' , (res) => res.data );
const env = app . get ( 'env' );

app . listen ( 3000 );
