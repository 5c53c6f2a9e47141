import { clearSummary } from './summary-hooks';

export default clearSummary;
