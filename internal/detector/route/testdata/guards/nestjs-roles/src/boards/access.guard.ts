import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_KEY, Access } from './access.decorator';
import { BoardAccessService } from './board-access.service';

// Lets a request through when the caller's access to the board at the
// path is at least what the handler asks for.
@Injectable()
export class BoardAccessGuard implements CanActivate {
  constructor(private reflector: Reflector, private access: BoardAccessService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const needed = this.needed(context);
    const request = context.switchToHttp().getRequest();
    const callerId = request.callerId;
    if (callerId === undefined) {
      return false;
    }
    const held = await this.access.levelFor(callerId, request.params.boardId);
    return held >= needed;
  }

  private needed(context: ExecutionContext): Access {
    return this.reflector.get<Access>(ACCESS_KEY, context.getHandler());
  }
}
