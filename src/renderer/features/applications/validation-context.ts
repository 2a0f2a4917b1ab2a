/** Moved: `buildValidationContext` to src/renderer/db/validation-context.ts, `todayIso` to `localToday` in src/shared/application/expiry.ts. Kept until the import feature has switched. */
export { localToday as todayIso } from '../../../shared/application/expiry.ts';
