export * from './regulation';
export * from './arithmetic';
export * from './period';
export * from './answers';
export * from './skm.repository';
export * from './skm-survey.service';
export * from './skm-reports';
export * from './skm.module';
