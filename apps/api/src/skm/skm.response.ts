import { ApiProperty } from '@nestjs/swagger';
import type { questionnaire, SkmOffer, SkmReport, SkmReportRow, SkmSurveyService } from '@loket/skm';

type Questionnaire = ReturnType<typeof questionnaire>;
type Pending = Awaited<ReturnType<SkmSurveyService['pending']>>[number];
type Submitted = Awaited<ReturnType<SkmSurveyService['submit']>>;
type Skipped = Awaited<ReturnType<SkmSurveyService['skip']>>;

const OFFER_STATES = ['OFFERED', 'ANSWERED', 'SKIPPED', 'PERIOD_ANSWERED', 'NOT_CLOSED', 'NOT_SATKER'];
const MUTU = ['A', 'B', 'C', 'D'];
const KINERJA = ['Sangat Baik', 'Baik', 'Kurang Baik', 'Tidak Baik'];

export class SkmScoreOptionResponse {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4 }) value: number;
  @ApiProperty({ example: 'Sangat mudah' }) label: string;
}

export class SkmElementResponse {
  @ApiProperty({ example: 'U1' }) code: string;
  @ApiProperty({ example: 'u1', description: 'Nama kolom jawaban' }) field: string;
  @ApiProperty({ example: 'Persyaratan' }) name: string;
  @ApiProperty() question: string;
  @ApiProperty({ type: [SkmScoreOptionResponse] }) options: SkmScoreOptionResponse[];
}

export class SkmChoiceResponse {
  @ApiProperty({ example: 'L' }) value: string;
  @ApiProperty({ example: 'Laki-laki' }) label: string;
}

export class SkmRangeResponse {
  @ApiProperty({ type: 'integer' }) min: number;
  @ApiProperty({ type: 'integer' }) max: number;
}

export class SkmRespondentResponse {
  @ApiProperty({ type: [SkmChoiceResponse] }) jenisKelamin: SkmChoiceResponse[];
  @ApiProperty({ type: [SkmChoiceResponse] }) pendidikan: SkmChoiceResponse[];
  @ApiProperty({ type: [SkmChoiceResponse] }) pekerjaan: SkmChoiceResponse[];
  @ApiProperty({ type: SkmRangeResponse, description: 'Umur (tahun)' }) umur: SkmRangeResponse;
}

export class SkmCommentResponse {
  @ApiProperty({ example: 'saran' }) field: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: 'integer' }) maxLength: number;
}

export class SkmQuestionnaireResponse {
  @ApiProperty({ example: 'PermenPANRB Nomor 14 Tahun 2017' }) regulation: string;
  @ApiProperty({ type: SkmRangeResponse }) scale: SkmRangeResponse;
  @ApiProperty({ type: [SkmElementResponse], description: 'Sembilan unsur' }) elements: SkmElementResponse[];
  @ApiProperty({ type: SkmRespondentResponse }) respondent: SkmRespondentResponse;
  @ApiProperty({ type: SkmCommentResponse }) comment: SkmCommentResponse;
}

export class SkmPendingResponse {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ description: 'Nomor tiket' }) number: string;
  @ApiProperty() subject: string;
  @ApiProperty({ example: 'PERTANYAAN' }) serviceCode: string;
}

export class SkmPeriodResponse {
  @ApiProperty({ type: 'integer', example: 2026 }) year: number;
  @ApiProperty({ type: 'integer', enum: [1, 2], description: '1: Januari-Juni, 2: Juli-Desember' }) semester: number;
}

export class SkmOfferResponse {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ enum: OFFER_STATES, description: 'OFFERED: survei ditawarkan; lainnya: mengapa tidak' })
  state: string;
  @ApiProperty({ type: SkmPeriodResponse }) period: SkmPeriodResponse;
}

export class SkmSubmittedResponse {
  @ApiProperty({ format: 'uuid', description: 'Id jawaban survei' }) id: string;
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ type: SkmPeriodResponse }) period: SkmPeriodResponse;
}

export class SkmSkippedResponse {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ enum: ['SKIPPED'] }) state: 'SKIPPED';
}

export class SkmReportPeriodResponse {
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ type: 'integer', enum: [1, 2], nullable: true, description: 'null: setahun' }) semester: number | null;
  @ApiProperty({ example: 'Semester 1 (Januari-Juni) 2026' }) label: string;
}

export class SkmOfficeResponse {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class SkmElementScoreResponse {
  @ApiProperty({ example: 'U1' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Nilai rata-rata unsur (1-4, tiga desimal)' }) nrr: number;
  @ApiProperty({ enum: MUTU }) mutu: string;
  @ApiProperty({ enum: KINERJA }) kinerja: string;
}

export class SkmReportRowResponse {
  @ApiProperty({ enum: ['KANTOR_LAYANAN', 'KANTOR', 'LAYANAN', 'TOTAL'] }) level: SkmReportRow['level'];
  @ApiProperty({ type: String, nullable: true, description: 'Kode kantor; null pada baris layanan dan total' })
  office: string | null;
  @ApiProperty({ type: String, nullable: true }) officeName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Kode layanan; null pada baris kantor dan total' })
  service: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceTitle: string | null;
  @ApiProperty({ type: 'integer' }) respondents: number;
  @ApiProperty({ type: [SkmElementScoreResponse] }) elements: SkmElementScoreResponse[];
  @ApiProperty({ description: 'Indeks kepuasan masyarakat (25-100, dua desimal)' }) ikm: number;
  @ApiProperty({ enum: MUTU }) mutu: string;
  @ApiProperty({ enum: KINERJA }) kinerja: string;
}

export class SkmReportResponse {
  @ApiProperty({ type: SkmReportPeriodResponse }) period: SkmReportPeriodResponse;
  @ApiProperty({ type: [SkmOfficeResponse] }) offices: SkmOfficeResponse[];
  @ApiProperty({ type: [SkmReportRowResponse] }) rows: SkmReportRowResponse[];
}

const choices = (list: Array<{ value: string; label: string }>): SkmChoiceResponse[] =>
  list.map((c) => ({ value: c.value, label: c.label }));

export const skmQuestionnaireResponse = (q: Questionnaire): SkmQuestionnaireResponse => ({
  regulation: q.regulation,
  scale: { min: q.scale.min, max: q.scale.max },
  elements: q.elements.map((e) => ({
    code: e.code,
    field: e.field,
    name: e.name,
    question: e.question,
    options: e.options.map((o) => ({ value: o.value, label: o.label })),
  })),
  respondent: {
    jenisKelamin: choices(q.respondent.jenisKelamin),
    pendidikan: choices(q.respondent.pendidikan),
    pekerjaan: choices(q.respondent.pekerjaan),
    umur: { min: q.respondent.umur.min, max: q.respondent.umur.max },
  },
  comment: { field: q.comment.field, label: q.comment.label, maxLength: q.comment.maxLength },
});

export const skmPendingResponse = (p: Pending): SkmPendingResponse => ({
  ticketId: p.ticketId,
  number: p.number,
  subject: p.subject,
  serviceCode: p.serviceCode,
});

const period = (p: { year: number; semester: number }): SkmPeriodResponse => ({ year: p.year, semester: p.semester });

export const skmOfferResponse = (o: SkmOffer): SkmOfferResponse => ({
  ticketId: o.ticketId,
  state: o.state,
  period: period(o.period),
});

export const skmSubmittedResponse = (s: Submitted): SkmSubmittedResponse => ({
  id: s.id,
  ticketId: s.ticketId,
  period: period(s.period),
});

export const skmSkippedResponse = (s: Skipped): SkmSkippedResponse => ({ ticketId: s.ticketId, state: s.state });

export const skmReportResponse = (r: SkmReport): SkmReportResponse => ({
  period: { year: r.period.year, semester: r.period.semester, label: r.period.label },
  offices: r.offices.map((o) => ({ code: o.code, name: o.name })),
  rows: r.rows.map((x) => ({
    level: x.level,
    office: x.office,
    officeName: x.officeName,
    service: x.service,
    serviceTitle: x.serviceTitle,
    respondents: x.respondents,
    elements: x.elements.map((e) => ({ code: e.code, name: e.name, nrr: e.nrr, mutu: e.mutu, kinerja: e.kinerja })),
    ikm: x.ikm,
    mutu: x.mutu,
    kinerja: x.kinerja,
  })),
});
