/**
 * The sandbox's public surface: the server, and the seed and checks it uses, so tools (e.g. an offline
 * `ncg import --check`) can validate against exactly the schema and dictionaries a sandbox serves.
 */
export { startSandbox, createSandboxHandler, isSandboxPath, defaultApiKey, defaultExportToken, adminSecretEnv, adminSecretHeader, type RunningSandbox, type SandboxHandler, type SandboxOptions } from './server.ts';
export { SandboxStateError } from './persistence.ts';
export { buildSeed, defaultCardCount, defaultSeed, type Seed, type SeedOptions, type CardRecord, type OktruLeaf, type SeedDictionary } from './seed/index.ts';
export { basicCheck, fullCheck, xtinCheck, parseBody, checkValue, describeProblems, immutableOnEdit, type Problem, type FullCheckContext } from './validation.ts';
export { markers, moderationOutcomes, type ModerationMode, type ModerationOutcome } from './moderation.ts';
export { faultRuleSchema, type FaultRule } from './faults.ts';
export { parseModerationMode } from './routes/admin.ts';
