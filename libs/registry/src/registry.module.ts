import { Module } from '@nestjs/common';
import { AccountsRegistry } from './accounts';
import { DigipayRegistry } from './digipay';
import { DigitIdentities } from './digit-identities';
import { DormancySweep } from './dormancy';
import { Dukcapil, EmbeddedDukcapil } from './dukcapil';
import { MembershipRequests } from './membership-requests';
import { MyIntressRegistry } from './myintress';

const PROVIDERS = [
  DigitIdentities,
  MyIntressRegistry,
  MembershipRequests,
  DormancySweep,
  AccountsRegistry,
  DigipayRegistry,
];

@Module({
  providers: [...PROVIDERS, { provide: Dukcapil, useClass: EmbeddedDukcapil }],
  exports: [...PROVIDERS, Dukcapil],
})
export class RegistryModule {}
