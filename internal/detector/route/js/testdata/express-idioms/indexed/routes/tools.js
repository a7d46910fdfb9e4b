export * as helpers from './stats';
