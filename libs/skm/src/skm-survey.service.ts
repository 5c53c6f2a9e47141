import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { parseAnswers } from './answers';
import { periodOf, periodStart, type SkmPeriod } from './period';
import { SkmRepository, SURVEYED_STATUSES, type SurveyTicket } from './skm.repository';

/** Why a ticket's survey is or is not offered to this person now. */
export type OfferState = 'OFFERED' | 'ANSWERED' | 'SKIPPED' | 'PERIOD_ANSWERED' | 'NOT_CLOSED' | 'NOT_SATKER';

export interface SkmOffer {
  ticketId: string;
  state: OfferState;
  period: SkmPeriod;
}

const isOwnSatker = (actor: Actor, t: SurveyTicket) => actor.satkers.some((s) => s.satkerId === t.satkerId);

function stateOf(actor: Actor, t: SurveyTicket): OfferState {
  if (!isOwnSatker(actor, t)) return 'NOT_SATKER';
  if (t.answered) return 'ANSWERED';
  if (!SURVEYED_STATUSES.includes(t.status)) return 'NOT_CLOSED';
  if (t.periodAnswered) return 'PERIOD_ANSWERED';
  if (t.skipped) return 'SKIPPED';
  return 'OFFERED';
}

/** The refusal for a survey that cannot be answered (or skipped) now; nothing is written before it. */
function refuse(state: OfferState): never {
  switch (state) {
    case 'NOT_SATKER':
      throw fail('SKM_NOT_PERMITTED');
    case 'NOT_CLOSED':
      throw fail('SKM_NOT_OPEN');
    case 'ANSWERED':
      throw fail('SKM_ALREADY_ANSWERED');
    default:
      throw fail('SKM_PERIOD_ANSWERED');
  }
}

/**
 * The SKM questionnaire of a closed ticket: offered once per ticket to its satker, not again for the
 * same satker and service in the semester, never required (a skip is remembered), answered once.
 */
@Injectable()
export class SkmSurveyService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: SkmRepository,
  ) {}

  async offer(actor: Actor, ticketId: string, now = new Date()): Promise<SkmOffer> {
    const period = periodOf(now);
    const t = await this.repo.ticket(this.db, actor, ticketId, period);
    if (!t) throw fail('TICKET_NOT_FOUND');
    return { ticketId: t.id, state: stateOf(actor, t), period };
  }

  /** Closed tickets of the person's satkers that wait for a survey this semester (the home page's prompt). */
  async pending(actor: Actor, limit = 3, now = new Date()) {
    const satkerIds = actor.satkers.map((s) => s.satkerId);
    if (satkerIds.length === 0) return [];
    const period = periodOf(now);
    const rows = await this.repo.pending(this.db, satkerIds, period, periodStart(period), limit);
    return rows.map((t) => ({ ticketId: t.id, number: t.number, subject: t.subject, serviceCode: t.serviceCode }));
  }

  async submit(actor: Actor, ticketId: string, raw: Record<string, unknown>, now = new Date()) {
    const answers = parseAnswers(raw);
    const period = periodOf(now);
    return this.db.transaction(async (em) => {
      const t = await this.repo.ticket(em, actor, ticketId, period, true);
      if (!t) throw fail('TICKET_NOT_FOUND');
      const state = stateOf(actor, t);
      // A skip only hides the offer: the satker may still answer later.
      if (state !== 'OFFERED' && state !== 'SKIPPED') refuse(state);
      // Two tickets of one service answered at once: the unique constraint keeps one, the other is refused here.
      const id = await this.repo.insert(em, t, actor.personId, period, answers);
      if (!id) refuse('PERIOD_ANSWERED');
      return { id, ticketId: t.id, period };
    });
  }

  async skip(actor: Actor, ticketId: string, now = new Date()) {
    const period = periodOf(now);
    return this.db.transaction(async (em) => {
      const t = await this.repo.ticket(em, actor, ticketId, period, true);
      if (!t) throw fail('TICKET_NOT_FOUND');
      const state = stateOf(actor, t);
      if (state === 'NOT_SATKER' || state === 'NOT_CLOSED' || state === 'ANSWERED') refuse(state);
      await this.repo.skip(em, t, actor.personId);
      return { ticketId: t.id, state: 'SKIPPED' as const };
    });
  }
}
