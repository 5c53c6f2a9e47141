import { Module } from '@nestjs/common';
import { SkmReports } from './skm-reports';
import { SkmRepository } from './skm.repository';
import { SkmSurveyService } from './skm-survey.service';

const PROVIDERS = [SkmRepository, SkmSurveyService, SkmReports];

@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class SkmModule {}
