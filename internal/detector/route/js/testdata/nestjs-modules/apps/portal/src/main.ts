import { NestFactory } from '@nestjs/core';
import { PortalModule } from './portal.module';

async function bootstrap() {
  const app = await NestFactory.create(PortalModule);
  app.setGlobalPrefix('portal');
  await app.listen(3001);
}
bootstrap();
