import { routeHref } from '../router.ts';

/**
 * Sections of Settings other screens link to (`#/settings/<section>`): the link and the section agree on the
 * name here, since features never import each other.
 */
export const settingsSections = { fineTables: 'fine-tables' } as const;
export type SettingsSection = (typeof settingsSections)[keyof typeof settingsSections];

export function settingsSectionHref(section: SettingsSection): string {
  return routeHref('settings', section);
}
