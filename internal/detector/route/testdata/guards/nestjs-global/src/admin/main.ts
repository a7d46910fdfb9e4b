import { NestFactory } from '@nestjs/core';
import { StaffGuard } from '../auth/staff.guard';
import { AdminModule } from './admin.module';

async function bootstrap() {
  const app = await NestFactory.create(AdminModule);
  app.useGlobalGuards(new StaffGuard());
  await app.listen(3001);
}
bootstrap();
