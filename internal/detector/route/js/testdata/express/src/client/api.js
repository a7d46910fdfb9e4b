import axios from 'axios';

const api = axios.create({ baseURL: '/api' });

export const listUsers = () => api.get('/users');
export const login = (body) => axios.post('/api/login', body);
export const removeUser = (id) => api.delete(`/admin/users/${id}`);
