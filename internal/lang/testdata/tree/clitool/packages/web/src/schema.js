import { schemaUrl } from '@acme/codegen/lib';

export const load = () => schemaUrl();
