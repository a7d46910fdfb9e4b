import { SetMetadata } from '@nestjs/common';

export enum Role {
  Admin = 'admin',
  Editor = 'editor',
}

export const ROLES_KEY = 'roles';
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

// Names a cache partition; no guard reads it.
export const CacheScope = (scope: string) => SetMetadata('cache_scope', scope);
