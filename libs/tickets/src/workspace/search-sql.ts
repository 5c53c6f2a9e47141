import type { Actor } from '@loket/auth';
import { seesNationalScope } from '../scope';

export interface SearchTerms {
  text: string;
  nik: string | null;
}

type Param = (v: unknown) => string;

/** How a match is found: a NIK in the form, or the satker by code/name, the ticket's own keys, its words. */
function matchers(
  search: SearchTerms,
  param: Param,
): { nik: string } | { satkers: string; keys: string; words: string } {
  if (search.nik) return { nik: `x.niks @> ARRAY[${param(search.nik)}::text]` };
  const pattern = param(`%${likeEscape(fold(search.text))}%`);
  return {
    satkers: `SELECT id FROM satkers WHERE search_keys LIKE ${pattern}`,
    keys: `x.keys LIKE ${pattern}`,
    words: `x.doc @@ websearch_to_tsquery('indonesian', ${param(search.text)})`,
  };
}

/** The search as one condition on `ticket_search x`, for a search inside a view or sorted by tickets' columns. */
export function searchCondition(search: SearchTerms, param: Param): string {
  const m = matchers(search, param);
  return 'nik' in m ? m.nik : `(x.satker_id IN (${m.satkers}) OR ${m.keys} OR ${m.words})`;
}

/**
 * One page of a search by filing date, newest first, as ids and sort keys. Each way of matching reads
 * its own index newest first and stops after a page: the satker's tickets through (office, satker,
 * created_at) for each satker whose code or name matches; the keys and words, for an agent of one
 * office, by boundedPage, otherwise through their GIN indexes or the scope's filing order as the
 * planner chooses; then the union's newest page. One OR over all of them would make the planner pick a single plan for the whole,
 * which at a million tickets meant sorting every ticket of a matching satker.
 */
export function searchPageSql(
  actor: Actor,
  search: SearchTerms,
  sort: { order: string; after: string },
  limit: string,
  param: Param,
): string {
  const scope = searchScope(actor, param);
  const page = (match: string) =>
    `SELECT x.ticket_id AS id, x.created_at AS k FROM ticket_search x
      WHERE ${scope} AND ${match} ${sort.after} ORDER BY ${sort.order} LIMIT ${limit}`;
  const m = matchers(search, param);
  if ('nik' in m) return page(m.nik);
  const bySatker = `SELECT p.id, p.k FROM (${m.satkers}) s CROSS JOIN LATERAL (${page('x.satker_id = s.id')}) p`;
  // One office's filing order is walked once for the keys and the words together; elsewhere the
  // planner chooses for each as before.
  const byText = oneOffice(actor)
    ? boundedPage(scope, `(${m.keys} OR ${m.words})`, sort, limit)
    : `(${page(m.keys)}) UNION (${page(m.words)})`;
  return `SELECT id, k FROM ((${bySatker}) UNION ${byText}) u ORDER BY k DESC, id DESC LIMIT ${limit}`;
}

/** How many of an office's newest tickets a text search reads in filing order before it asks the index. */
const WALK_ROWS = 20_000;

/**
 * A page of text matches in one office, newest first, whatever the planner expects of the text. Walking
 * the office's filing order and testing each row stops after a page when matches are common; when
 * they are rare it read every ticket of the office (a number, or a common word with a rare one: 0.5 s
 * in an office of 350k tickets, where the planner had expected hundreds of matches). So the walk reads
 * at most WALK_ROWS (about 10 ms; it stops as soon as it has a page); if they hold less than a page,
 * the matches are rare (under 1 in 400) and are all read through the text's index instead, then
 * sorted. Only one branch runs: the other's one-time filter is false.
 */
function boundedPage(scope: string, match: string, sort: { order: string; after: string }, limit: string): string {
  return `(WITH walked AS MATERIALIZED (
              SELECT x.ticket_id AS id, x.created_at AS k FROM (
                SELECT * FROM ticket_search x WHERE ${scope} ${sort.after} ORDER BY ${sort.order} LIMIT ${WALK_ROWS}) x
               WHERE ${match} ORDER BY ${sort.order} LIMIT ${limit}),
            indexed AS MATERIALIZED (
              SELECT x.ticket_id AS id, x.created_at AS k FROM ticket_search x WHERE ${scope} AND ${match} ${sort.after})
          SELECT id, k FROM walked WHERE (SELECT count(*) FROM walked) >= ${limit}
          UNION ALL
          (SELECT id, k FROM indexed WHERE (SELECT count(*) FROM walked) < ${limit} ORDER BY k DESC, id DESC LIMIT ${limit}))`;
}

/** An actor whose search scope is exactly one office (an agent of one KPPN). */
const oneOffice = (actor: Actor) =>
  !seesNationalScope(actor) && actor.satkers.length === 0 && actor.queueOfficeIds.length === 1;

/**
 * visibleClause's rule for the search table, spelled with only the parts that apply: an agent of
 * one office gets `x.office_id = $n`, which reads (office_id, created_at, id) in order and stops
 * after a page, instead of an OR that forces every match of the office to be sorted.
 */
export function searchScope(actor: Actor, param: Param): string {
  if (seesNationalScope(actor)) return 'TRUE';
  const satkers = actor.satkers.map((s) => s.satkerId);
  const offices = actor.queueOfficeIds;
  const parts = [
    ...(offices.length === 1
      ? [`x.office_id = ${param(offices[0])}::uuid`]
      : offices.length
        ? [`x.office_id = ANY(${param(offices)}::uuid[])`]
        : []),
    ...(satkers.length ? [`x.satker_id = ANY(${param(satkers)}::uuid[])`] : []),
  ];
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/** As the search keys are stored: lower case, accents removed (unaccent at write time). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A user's text matched literally inside LIKE: % and _ are not wildcards there. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
