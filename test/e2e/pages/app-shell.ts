import type { Locator, Page } from '@playwright/test';

export type SectionName = 'applications' | 'documents' | 'labels' | 'inspection' | 'settings';

/** Page object of the shell: navigation, language, the sandbox badge. Shared by the web and Electron projects. */
export class AppShell {
  readonly nav: Locator;
  readonly languageSelect: Locator;
  readonly sandboxBadge: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation');
    this.languageSelect = page.getByTestId('language');
    this.sandboxBadge = page.getByTestId('sandbox-badge');
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async chooseLanguage(locale: 'kk' | 'ru' | 'en'): Promise<void> {
    await this.languageSelect.selectOption(locale);
  }

  /** Opens a section by its position in the navigation, so the step works in every language. */
  async open(section: SectionName): Promise<void> {
    const order: SectionName[] = ['applications', 'documents', 'labels', 'inspection', 'settings'];
    await this.nav.getByRole('link').nth(order.indexOf(section)).click();
  }

  visibleText(): Promise<string> {
    return this.page.locator('body').innerText();
  }
}
