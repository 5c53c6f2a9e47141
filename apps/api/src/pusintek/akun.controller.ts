import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { hashPassword, meetsPasswordPolicy, Public } from '@loket/auth';
import { fail } from '@loket/common';
import { AccountsRegistry } from '@loket/registry';
import { ActivateDto } from '../auth/auth.dto';

/** The reset link of an SC03-1 password reset: a new password for the application account. */
@ApiTags('pusintek')
@Controller('akun')
export class AkunController {
  constructor(private readonly accounts: AccountsRegistry) {}

  @Public()
  @Post('reset')
  @HttpCode(204)
  async reset(@Body() dto: ActivateDto): Promise<void> {
    if (!meetsPasswordPolicy(dto.password)) throw fail('WEAK_PASSWORD');
    const hash = await hashPassword(dto.password);
    await this.accounts.resetPasswordByLink(dto.token, hash);
  }
}
