import { Injectable } from '@nestjs/common';

@Injectable()
export class AccountsService {
  private readonly accounts = new Map<string, { email: string; passwordHash: string }>();

  async find(email: string) {
    return this.accounts.get(email);
  }

  issue(email: string, scope = 'user'): string {
    return `${scope}:${email}`;
  }
}
