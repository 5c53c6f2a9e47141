import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { BULK_ACTIONS } from '@loket/tickets';
import { ListTicketsQuery } from './tickets.dto';

/** A search in the request body, so a NIK in it never lands in a URL or an access log. */
export class SearchTicketsDto extends ListTicketsQuery {
  @ApiProperty({ description: 'Kata kunci, termasuk NIK (16 angka) dalam formulir' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  declare q: string;
}

export class BulkTicketRef {
  @ApiProperty()
  @IsUUID()
  id: string;

  @ApiProperty({ description: 'Versi tiket yang terlihat (seperti If-Match)' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version: number;
}

export class BulkActionDto {
  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS)
  action: string;

  @ApiProperty({ type: [BulkTicketRef], maxItems: 100 })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => BulkTicketRef)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  tickets: BulkTicketRef[];

  @ApiPropertyOptional({ description: 'Wajib pada ASSIGN' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'Catatan internal pada UNASSIGN' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}
