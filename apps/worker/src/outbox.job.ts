import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { OutboxRelay } from '@loket/notify';

/** Every five seconds: deliver what is due in the outbox (a full batch goes again at once). */
@Injectable()
export class OutboxJob {
  private running = false;

  constructor(private readonly relay: OutboxRelay) {}

  @Interval(5000)
  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while ((await this.relay.run()).sent >= 20);
    } finally {
      this.running = false;
    }
  }
}
