/// Scoring: signals -> score and reasons.
