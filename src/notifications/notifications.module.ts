import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DeliveryLog } from './delivery-log';
import { DeliveryLogResolver } from './delivery-log.resolver';
import { NotificationsService } from './notifications.service';

/** E-mail and webhook notifications from the outbox, and their delivery log. */
@Module({
  imports: [AuthModule],
  providers: [NotificationsService, DeliveryLog, DeliveryLogResolver],
})
export class NotificationsModule {}
