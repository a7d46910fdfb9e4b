import { SetMetadata } from '@nestjs/common';

export enum Access {
  View = 1,
  Edit = 2,
  Own = 3,
}

export const ACCESS_KEY = 'neededAccess';

export function NeedsAccess(level: Access) {
  return SetMetadata(ACCESS_KEY, level);
}
