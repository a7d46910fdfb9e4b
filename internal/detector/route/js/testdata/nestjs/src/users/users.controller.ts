import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiBearerAuth } from '@nestjs/swagger';
import { UsersService } from './users.service';

@Controller('users')
@UseGuards(AuthGuard('jwt'))
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get() // want: GET /api/users; auth GET /api/users required
  findAll() {
    return this.users.findAll();
  }

  @Get(':id') // want: GET /api/users/{id}
  findOne(@Param('id', ParseIntPipe) id: number) {
    return this.users.findOne(id);
  }

  @Delete(':id') // want: DELETE /api/users/{id}
  remove(@Param('id') id: string) {
    return this.users.remove(id);
  }

  // Not an endpoint: a helper without a route decorator.
  private toDto(user: unknown) {
    return user;
  }
}
