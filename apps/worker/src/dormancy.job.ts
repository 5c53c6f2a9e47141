import { Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { DormancySweep } from '@loket/registry';

/** Daily at 01:00 WIB: memberships idle for six months become dormant. */
@Injectable()
export class DormancyJob {
  private readonly logger = new Logger('Dormancy');

  constructor(private readonly sweep: DormancySweep) {}

  @Cron('0 1 * * *', { timeZone: 'Asia/Jakarta' })
  async run(): Promise<void> {
    const changed = await this.sweep.run();
    if (changed === null) this.logger.log('dilewati: proses lain sedang menjalankan sapuan dormansi');
    else if (changed > 0) this.logger.log(`${changed} keanggotaan menjadi Dormant`);
  }
}
