import { NestFactory } from '@nestjs/core';
import { VersioningType } from '@nestjs/common';
import { AdminModule } from './admin.module';

async function bootstrap() {
  const app = await NestFactory.create(AdminModule);
  // The version travels in a header: paths carry none.
  app.enableVersioning({ type: VersioningType.HEADER, header: 'X-Api-Version' });
  await app.listen(3001);
}
bootstrap();
