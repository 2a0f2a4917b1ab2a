/**
 * Kept only so that older imports of `WorkerError` still resolve; the channel itself is rpc.ts.
 * Import `WorkerError` from './rpc.ts' instead.
 */
export { WorkerError } from './rpc.ts';
