import { Module } from '@nestjs/common';
import { DigitIdentities } from './digit-identities';
import { MyIntressRegistry } from './myintress';

@Module({ providers: [DigitIdentities, MyIntressRegistry], exports: [DigitIdentities, MyIntressRegistry] })
export class RegistryModule {}
