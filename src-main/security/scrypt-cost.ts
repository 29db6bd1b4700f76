/**
 * How expensive scrypt is for new password hashes and recovery-key envelopes. Production pays about 0.1–0.4 s per
 * hash on purpose (guessing must be slow). Tests only need the same code path, not the same cost: under vitest
 * (and in the processes a test spawns, which inherit its environment) `CEDRE_SCRYPT_COST=test` selects a cheap
 * cost. Outside a test run the variable is ignored, so a production install can never be weakened by it.
 * Stored hashes and envelopes carry their own parameters, so checking an old value is unaffected.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const PRODUCTION_SCRYPT_COST: ScryptCost = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
/** 2^10: about 1 ms, still a real scrypt. */
export const TEST_SCRYPT_COST: ScryptCost = Object.freeze({ N: 2 ** 10, r: 8, p: 1 });

export function isTestRun(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.VITEST === 'true' || env.NODE_ENV === 'test';
}

export function scryptCost(env: NodeJS.ProcessEnv = process.env): ScryptCost {
  return isTestRun(env) && env.CEDRE_SCRYPT_COST === 'test' ? TEST_SCRYPT_COST : PRODUCTION_SCRYPT_COST;
}

/** scrypt needs 128·N·r bytes; twice that leaves room, and bounds what a stored value may ask for. */
export function scryptMemory(cost: ScryptCost): number {
  return 128 * cost.N * cost.r * 2;
}
