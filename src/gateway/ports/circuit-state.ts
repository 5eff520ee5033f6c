/**
 * A register service's circuit breaker, as readiness and /metrics report it: closed (calls pass),
 * open (calls fail at once), half-open (one trial call decides).
 */
export type CircuitState = 'closed' | 'open' | 'half-open';
