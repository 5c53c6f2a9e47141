import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { hashPassword, meetsPasswordPolicy, Public } from '@loket/auth';
import { fail } from '@loket/common';
import { AccountsRegistry } from '@loket/registry';
import { ActivateDto } from '../auth/auth.dto';
import { ApiErrors, ApiNoContent, ApiPublic } from '../http/api-docs';

/** The reset link of an SC03-1 password reset: a new password for the application account. */
@ApiTags('pusintek')
@Controller('akun')
export class AkunController {
  constructor(private readonly accounts: AccountsRegistry) {}

  @Public()
  @Post('reset')
  @HttpCode(204)
  @ApiPublic()
  @ApiOperation({ summary: 'Kata sandi baru akun aplikasi dari tautan reset (SC03-1)' })
  @ApiNoContent('Kata sandi diganti')
  @ApiErrors(
    'VALIDATION_FAILED',
    'WEAK_PASSWORD',
    'RESET_TOKEN_INVALID',
    'RESET_TOKEN_USED',
    'RESET_TOKEN_EXPIRED',
    'RESET_TOKEN_REVOKED',
    'RESET_TOKEN_SUPERSEDED',
  )
  async reset(@Body() dto: ActivateDto): Promise<void> {
    if (!meetsPasswordPolicy(dto.password)) throw fail('WEAK_PASSWORD');
    const hash = await hashPassword(dto.password);
    await this.accounts.resetPasswordByLink(dto.token, hash);
  }
}
