import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppEnvironment } from '@consultorio/api/core';
import { NotificationRelay } from './notification-relay.service';
import { OutboxDispatcher } from './outbox-dispatcher.service';

/**
 * The background loop of an instance (when OUTBOX_DISPATCH is on): every OUTBOX_POLL_MS it turns
 * new domain events into messages and delivers due ones. Ticks never overlap; the work itself is
 * claimed in the database, so every instance may run this loop.
 */
@Injectable()
export class NotificationsWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationsWorker.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly env: AppEnvironment,
    private readonly relay: NotificationRelay,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.OUTBOX_DISPATCH) return;
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.tick().finally(() => (this.running = undefined));
    }, this.env.OUTBOX_POLL_MS);
    this.timer.unref();
  }

  /** One round: relay events, then send until nothing more is due (or a round's worth). */
  async tick(): Promise<void> {
    try {
      while ((await this.relay.relayBatch()) > 0);
      for (let round = 0; round < 20 && (await this.dispatcher.dispatchBatch()) > 0; round++);
    } catch (error) {
      this.logger.error(`Notifications round failed: ${error instanceof Error ? error.message : error}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
