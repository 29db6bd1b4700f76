/**
 * Every test process (and every process a test spawns, which inherits this environment) hashes with a cheap but
 * real scrypt: production cost is 0.1–0.4 s per hash and dominated the suite. The production cost itself is
 * checked once, in test/unit/scrypt-cost.test.ts.
 */
process.env.CEDRE_SCRYPT_COST = 'test';
