export type { Outcome, OutcomeStatus } from '../model/outcome.js';
