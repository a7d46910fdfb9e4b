import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_KEY } from './access.decorator';

// Lookalike: reads the same metadata only to log it; lets everyone in.
@Injectable()
export class TimingGuard implements CanActivate {
  constructor(private reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const level = this.reflector.get<number>(ACCESS_KEY, context.getHandler());
    Logger.log(`access level ${level}`);
    return true;
  }
}
