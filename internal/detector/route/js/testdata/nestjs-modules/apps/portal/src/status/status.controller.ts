import { Controller, Get } from '@nestjs/common';
import { AllowGuest } from '../auth/allow-guest.decorator';

@AllowGuest()
@Controller('status')
export class StatusController {
  @Get() // want: GET /portal/status; auth GET /portal/status none
  status() {
    return { up: true };
  }
}
