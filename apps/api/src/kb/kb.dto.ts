import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const SERVICE = /^[A-Z0-9_]{2,60}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNT = /^\d{1,4}$/;

export class ArticleCreateDto {
  @ApiProperty({ example: 'Cara mengatur ulang kata sandi MyIntress' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({
    description: 'Alamat artikel di /faq/<slug>; bila kosong dibentuk dari judul',
    example: 'reset-sandi-myintress',
  })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  slug?: string;

  @ApiProperty({ example: 'MyIntress' }) @IsString() @IsNotEmpty() @MaxLength(80) category: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Kode layanan katalog yang dibahas',
    example: ['MYINTRESS_DAFTAR_KPPN'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(SERVICE, { each: true })
  services?: string[];

  @ApiProperty({ description: 'Isi dalam Markdown (HTML mentah tidak diteruskan)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50000)
  body: string;

  @ApiPropertyOptional({ description: 'Kode kantor pemilik, hanya bila penulis menulis untuk beberapa kantor' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  kantor?: string;
}

/** Any of the article's fields; the owner office never changes. */
export class ArticleUpdateDto extends OmitType(PartialType(ArticleCreateDto), ['kantor'] as const) {}

export class ArticleListQuery {
  @ApiPropertyOptional({ enum: ['DRAFT', 'PUBLISHED'] }) @IsOptional() @IsIn(['DRAFT', 'PUBLISHED']) status?:
    'DRAFT' | 'PUBLISHED';
  @ApiPropertyOptional({ example: '50' }) @IsOptional() @Matches(COUNT) limit?: string;
  @ApiPropertyOptional({ example: '0' }) @IsOptional() @Matches(COUNT) offset?: string;
}

export class SearchQuery {
  @ApiProperty({ description: 'Kata kunci (sintaks pencarian web: kata, "frasa", -kecuali)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  q: string;
  @ApiPropertyOptional({ description: 'Kode kantor: artikel kantor itu ditambah artikel nasional' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  kantor?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(SERVICE) layanan?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) kategori?: string;
  @ApiPropertyOptional({ example: '1' }) @IsOptional() @Matches(/^[1-9]\d{0,1}$/) halaman?: string;
}

export class PublicListQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) kantor?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(SERVICE) layanan?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) kategori?: string;
  @ApiPropertyOptional({ example: '1' }) @IsOptional() @Matches(/^[1-9]\d{0,1}$/) halaman?: string;
}

export class ArticleRatingDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: 'Apakah artikel ini membantu? 1-5 bintang' })
  @IsInt()
  @Min(1)
  @Max(5)
  stars: number;
}

export class SuggestionQuery {
  @ApiProperty({ example: 'PERTANYAAN' }) @Matches(SERVICE) layanan: string;
  @ApiPropertyOptional({ description: 'Perihal yang sedang diketik' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class DeflectionDto {
  @ApiProperty({ example: 'PERTANYAAN' }) @Matches(SERVICE) layanan: string;
  @ApiProperty({ description: 'Slug artikel yang menjawab' }) @IsString() @Matches(/^[a-z0-9-]{1,80}$/) artikel: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) perihal?: string;
}

export class PickerQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) q?: string;
}

export class KbReportQuery {
  @ApiProperty({ example: '2026-01-01' }) @Matches(DATE) from: string;
  @ApiProperty({ example: '2027-01-01', description: 'eksklusif' }) @Matches(DATE) to: string;
}
