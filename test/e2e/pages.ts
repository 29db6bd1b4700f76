/** Page objects: what a user sees and does, so the end-to-end tests read like their story. */
import type { Locator, Page } from 'playwright-core';

export class SetupWizardPage {
  constructor(private readonly page: Page) {}

  async fillStructure(s: { nom: string; siret: string; departement: string; commune?: string }) {
    await this.page.getByLabel(/Nom de la structure/).fill(s.nom);
    await this.page.getByLabel(/SIRET/).fill(s.siret);
    await this.page.getByLabel(/Département/).fill(s.departement);
    if (s.commune) await this.page.getByLabel('Commune').fill(s.commune);
  }

  next() {
    return this.page.getByRole('button', { name: 'Suivant' }).click();
  }

  async chooseDispositifs(labels: RegExp[]) {
    for (const label of labels) await this.page.getByLabel(label).check();
  }

  async fillAdministrator(a: { name: string; login: string; password: string }) {
    await this.page.getByLabel(/Prénom et nom/).fill(a.name);
    await this.page.getByLabel(/Identifiant de connexion/).fill(a.login);
    await this.page.getByLabel(/^Mot de passe/).fill(a.password);
    await this.page.getByLabel(/Confirmation du mot de passe/).fill(a.password);
  }

  finish() {
    return this.page.getByRole('button', { name: 'Terminer la configuration' }).click();
  }
}

export class LoginPage {
  constructor(private readonly page: Page) {}

  async logIn(login: string, password: string) {
    await this.page.getByLabel('Identifiant').fill(login);
    await this.page.getByLabel(/^Mot de passe/).fill(password);
    await this.page.getByRole('button', { name: 'Se connecter' }).click();
  }

  alert() {
    return this.page.getByRole('alert');
  }
}

export class AppShellPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 2 });
  }

  async openUserMenuItem(name: string) {
    await this.page.getByTestId('user-menu').click();
    await this.page.getByRole('menuitem', { name }).click();
  }

  navigateTo(label: string) {
    return this.page.getByRole('navigation').getByRole('link', { name: label }).click();
  }
}

/** Picks an option of a select the way a user does: click the field, then the option. */
export async function chooseOption(scope: Page | ReturnType<Page['getByRole']>, label: string | RegExp, option: string | RegExp) {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByLabel(label).and(page.locator('input')).click();
  await page.getByRole('option', { name: option }).click();
}

/** From an empty data folder: the wizard's demo, then a login with one of its accounts (password "demonstration"). */
export async function openDemoAs(page: Page, url: string, login: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Découvrir avec la démonstration' }).click();
  await page.getByText('Structure de démonstration').waitFor({ timeout: 30_000 });
  await new LoginPage(page).logIn(login, 'demonstration');
  await page.getByRole('heading', { name: /Bonjour/ }).waitFor();
}

/**
 * Types into a field as a person does: one key at a time, after emptying it (issue 14: filling whole values at once
 * hid what typing breaks). Dates and numbers are typed in French formats (`15/01/2024`, `151,67`).
 */
export async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('Control+A');
  await field.press('Delete');
  await field.pressSequentially(text, { delay: 10 });
}
