import { Injectable } from '@nestjs/common';

@Injectable()
export class BoardAccessService {
  async levelFor(callerId: number, boardId: string): Promise<number> {
    return callerId > 0 && boardId ? 1 : 0;
  }
}
