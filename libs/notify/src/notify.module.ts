import { Module } from '@nestjs/common';
import { LettersModule } from '@loket/letters';
import { OutboxRelay } from './relay';

@Module({ imports: [LettersModule], providers: [OutboxRelay], exports: [OutboxRelay] })
export class NotifyModule {}
