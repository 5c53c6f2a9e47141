import { Module } from '@nestjs/common';
import { KbLinks } from './article-links';
import { ArticlesRepository } from './articles.repository';
import { KbArticles } from './articles.service';
import { KbDeflections } from './deflections';
import { DocumentsRepository } from './documents.repository';
import { KbDocuments } from './documents.service';
import { KbRatings } from './ratings';
import { KbReaders } from './readers';
import { KbSearch } from './search';

const PROVIDERS = [ArticlesRepository, DocumentsRepository, KbArticles, KbDocuments, KbReaders, KbRatings, KbSearch, KbDeflections, KbLinks];

/** The FAQ knowledge base (below tickets: tickets never need it; the API and portal do). */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class KbModule {}
