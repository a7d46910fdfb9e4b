// Browser code calling the API: requests, not routes.
import axios from 'axios';

const http = axios.create({ baseURL: '/api' });

export function listBooks(router) {
  return http.get('/v1/books');
}

export const removeBook = (isbn) => http.delete(`/v1/books/${isbn}`);
