import type { MigrationInterface, QueryRunner } from 'typeorm';

// The FAQ knowledge base: articles (national by Kantor Pusat, local by a KPPN or Kanwil) with their
// version history, juknis documents, star ratings, per-day view counters and deflected requests.
export class KnowledgeBase1764800000000 implements MigrationInterface {
  name = 'KnowledgeBase1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kb_articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        office_id uuid NOT NULL REFERENCES offices(id),
        -- Kept with the article so public lists filter "this office or national" without a join.
        national boolean NOT NULL,
        title text NOT NULL,
        category text NOT NULL,
        services text[] NOT NULL DEFAULT '{}',
        body_md text NOT NULL,
        -- Rendered and sanitised once when written: readers never pay for markdown or sanitising.
        body_html text NOT NULL,
        body_text text NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
        version integer NOT NULL DEFAULT 1,
        rating_count integer NOT NULL DEFAULT 0,
        rating_sum integer NOT NULL DEFAULT 0,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('indonesian', title), 'A') || setweight(to_tsvector('indonesian', body_text), 'B')
        ) STORED,
        created_by uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      );
      CREATE INDEX kb_articles_search_idx ON kb_articles USING gin (search);
      CREATE INDEX kb_articles_services_idx ON kb_articles USING gin (services);
      CREATE INDEX kb_articles_office_idx ON kb_articles (office_id, status);
      CREATE INDEX kb_articles_national_idx ON kb_articles (status) WHERE national;

      CREATE TABLE kb_article_versions (
        article_id uuid NOT NULL REFERENCES kb_articles(id),
        version integer NOT NULL,
        action text NOT NULL CHECK (action IN ('CREATED', 'EDITED', 'PUBLISHED', 'UNPUBLISHED', 'RESTORED', 'DOCUMENT_ADDED', 'DOCUMENT_REMOVED')),
        changed_fields text[] NOT NULL DEFAULT '{}',
        restored_from integer,
        title text NOT NULL,
        slug text NOT NULL,
        category text NOT NULL,
        services text[] NOT NULL,
        body_md text NOT NULL,
        status text NOT NULL,
        changed_by uuid NOT NULL REFERENCES persons(id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, version)
      );

      CREATE TABLE kb_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL REFERENCES kb_articles(id),
        original_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 char(64) NOT NULL,
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz
      );
      CREATE INDEX kb_documents_article_idx ON kb_documents (article_id, created_at);

      -- One vote per reader: 'p:<person id>' when signed in, 'b:<sha256 of the browser cookie>' otherwise.
      CREATE TABLE kb_ratings (
        article_id uuid NOT NULL REFERENCES kb_articles(id),
        voter text NOT NULL,
        stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, voter)
      );

      -- One counter row per article, office (where it was read: the FAQ's kantor or the reader's KPPN)
      -- and WIB day, so a view is an upsert, never a new row.
      CREATE TABLE kb_article_views (
        article_id uuid NOT NULL REFERENCES kb_articles(id),
        office_id uuid NOT NULL REFERENCES offices(id),
        day date NOT NULL,
        views integer NOT NULL DEFAULT 0,
        PRIMARY KEY (office_id, day, article_id)
      );

      CREATE TABLE kb_deflections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        office_id uuid NOT NULL REFERENCES offices(id),
        satker_id uuid NOT NULL REFERENCES satkers(id),
        person_id uuid NOT NULL REFERENCES persons(id),
        service_code text NOT NULL,
        article_id uuid NOT NULL REFERENCES kb_articles(id),
        perihal text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX kb_deflections_report_idx ON kb_deflections (office_id, created_at) INCLUDE (service_code);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE kb_deflections, kb_article_views, kb_ratings, kb_documents, kb_article_versions, kb_articles`);
  }
}
