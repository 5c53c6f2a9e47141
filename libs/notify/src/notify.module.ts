import { Module } from '@nestjs/common';
import { LettersModule } from '@loket/letters';
import { OutboxReader } from './outbox-reader';
import { OutboxRelay } from './relay';

@Module({ imports: [LettersModule], providers: [OutboxRelay, OutboxReader], exports: [OutboxRelay, OutboxReader] })
export class NotifyModule {}
