import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { AppEnvironment } from '@consultorio/api/core';
import { NotificationRelay } from './notification-relay.service';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { ReminderScheduler } from './reminder-scheduler.service';

const REMINDER_JOB = 'appointment-reminders';
/** How long one delivery round may go on before the next relay of new events. */
const ROUND_MS = 5_000;

/**
 * The background work of an instance: every OUTBOX_POLL_MS (with OUTBOX_DISPATCH) it turns new
 * domain events into messages and delivers due ones; on REMINDER_CRON (with REMINDER_SCAN) it
 * queues due reminders. Runs never overlap within an instance, and the work itself is claimed in
 * the database, so every instance may run both.
 */
@Injectable()
export class NotificationsWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NotificationsWorker.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private scanning?: Promise<unknown>;

  constructor(
    private readonly env: AppEnvironment,
    private readonly relay: NotificationRelay,
    private readonly dispatcher: OutboxDispatcher,
    private readonly reminders: ReminderScheduler,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.OUTBOX_DISPATCH) {
      this.timer = setInterval(() => {
        if (!this.running) this.running = this.tick().finally(() => (this.running = undefined));
      }, this.env.OUTBOX_POLL_MS);
      this.timer.unref();
    }
    if (this.env.REMINDER_SCAN) {
      const job = CronJob.from({ cronTime: this.env.REMINDER_CRON, onTick: () => this.scan(), start: true });
      this.scheduler.addCronJob(REMINDER_JOB, job);
    }
  }

  /** One round: relay events, then send until nothing more is due (or the round's time is up). */
  async tick(): Promise<void> {
    try {
      while ((await this.relay.relayBatch()) > 0);
      const until = Date.now() + ROUND_MS;
      // Two batches in flight: one is being claimed or recorded while the other is on the wire.
      const drain = async () => {
        while (Date.now() < until && (await this.dispatcher.dispatchBatch()) > 0);
      };
      await Promise.all([drain(), drain()]);
    } catch (error) {
      this.logger.error(`Notifications round failed: ${error instanceof Error ? error.message : error}`);
    }
  }

  /** One reminder scan, unless the previous one is still going. */
  private scan(): void {
    if (this.scanning) return;
    this.scanning = this.reminders
      .run()
      .catch((error) =>
        this.logger.error(`Reminder scan failed: ${error instanceof Error ? error.message : error}`),
      )
      .finally(() => (this.scanning = undefined));
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    if (this.scheduler.doesExist('cron', REMINDER_JOB)) {
      await this.scheduler.getCronJob(REMINDER_JOB).stop();
      this.scheduler.deleteCronJob(REMINDER_JOB);
    }
    await Promise.all([this.running, this.scanning]);
  }
}
