import { Global, Module } from '@nestjs/common';
import { PLACEHOLDER_SOURCE } from '@loket/tickets';
import { KbLinks } from './article-links';
import { ArticlesRepository } from './articles.repository';
import { KbArticles } from './articles.service';
import { KbDeflections } from './deflections';
import { DocumentsRepository } from './documents.repository';
import { KbDocuments } from './documents.service';
import { KbRatings } from './ratings';
import { KbReaders } from './readers';
import { KbSearch } from './search';

const PROVIDERS = [
  ArticlesRepository,
  DocumentsRepository,
  KbArticles,
  KbDocuments,
  KbReaders,
  KbRatings,
  KbSearch,
  KbDeflections,
  KbLinks,
];

/**
 * The FAQ knowledge base (above tickets: it uses them, they never import it). Global so the canned
 * replies of tickets find its {{artikel:<slug>}} values under PLACEHOLDER_SOURCE.
 */
@Global()
@Module({
  providers: [...PROVIDERS, { provide: PLACEHOLDER_SOURCE, useExisting: KbLinks }],
  exports: [...PROVIDERS, PLACEHOLDER_SOURCE],
})
export class KbModule {}
