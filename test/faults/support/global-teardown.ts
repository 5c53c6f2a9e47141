import { printSummary } from './summary-hooks';

export default printSummary;
