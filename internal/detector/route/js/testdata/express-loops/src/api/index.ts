// A router built, mounted and exported in one expression.
import { Router } from 'express';
import notes from './notes';

export default Router().use('/notes', notes);
