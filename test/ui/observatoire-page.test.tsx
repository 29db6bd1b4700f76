/**
 * The Observatoire page asks for the parts it shows (issue 19, page-parts.ts): its cards, charts and first tab on
 * opening, each other tab when it is opened, once per year; the figures of each part land in the right columns.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RpcEnvelope } from '../../src-shared/bridge';
import type { ObservatoirePart } from '../../src-shared/observatoire/page-parts';
import type { ObservatoireYear } from '../../src-shared/views-observatoire';
import { ObservatoirePage } from '../../src-renderer/features/observatoire/ObservatoirePage';
import { useSessionStore } from '../../src-renderer/stores/session-store';
import { fakeBridge, renderUi } from './render';

const YEAR = new Date().getFullYear() - 1;

/** Figures that tell the year and the part apart: the test reads back which answer reached which cell. */
function figures(annee: number, parts: readonly ObservatoirePart[]): Record<string, number> {
  const all = parts.includes('tout');
  const out: Record<string, number> = {};
  if (all || parts.includes('apercu')) Object.assign(out, { 'public.salaries_en_parcours': annee - 1800, 'public.entrees': annee - 1900 });
  if (all || parts.includes('accueil')) out['accueil.personnes_accueillies'] = annee - 1700;
  if (all || parts.includes('accompagnement')) out['accompagnement.cer_signes'] = annee - 1600;
  return out;
}

function answer(envelope: RpcEnvelope, sensitive: boolean) {
  if (envelope.route === 'reperes.get') return { ok: true as const, data: null };
  const { annee, parties } = envelope.input as { annee: number; parties: ObservatoirePart[] };
  const data: ObservatoireYear = {
    annee,
    dispositifs: ['ACI'],
    parties,
    indicateurs: figures(annee, parties),
    precedents: parties.includes('tout') ? [] : [annee - 1, annee - 2].map((y) => ({ annee: y, indicateurs: figures(y, parties) })),
    anneesDisponibles: [YEAR + 1, YEAR, YEAR - 1, YEAR - 2, YEAR - 3],
    masques: [],
    detailAutorise: false,
    detailSensibleAutorise: sensitive,
  };
  return { ok: true as const, data };
}

const partsAsked = (call: ReturnType<typeof fakeBridge>) =>
  call.mock.calls.map(([e]) => e).filter((e) => e.route === 'observatoire.year').map((e) => (e.input as { parties: string[] }).parties.join('+'));

beforeEach(() =>
  act(() =>
    useSessionStore.setState({
      session: { token: 't', user: { id: 'u', login: 'l', displayName: 'Lecture', role: 'lecture', isAdmin: false, mustChangePassword: false }, locked: false, idleLockMinutes: 10 },
    }),
  ),
);

describe('the Observatoire page by parts', () => {
  it('opens with its cards and first tab for three years, then computes a tab once when it is first opened', async () => {
    const tabPart = (e: RpcEnvelope) => (e.input as { parties?: string[] }).parties?.join() === 'accompagnement';
    const call = fakeBridge((e) => (tabPart(e) ? (new Promise((done) => setTimeout(() => done(answer(e, true)), 80)) as unknown as ReturnType<typeof answer>) : answer(e, true)));
    renderUi(<ObservatoirePage />);
    const accueil = await screen.findByRole('table', { name: 'Accueil' });
    const row = within(accueil).getByText('Personnes accueillies').closest('tr')!;
    expect(within(row).getAllByRole('cell').slice(1).map((c) => c.textContent)).toEqual([String(YEAR - 1700), String(YEAR - 1 - 1700), String(YEAR - 2 - 1700)]);
    expect(screen.getByText(String(YEAR - 1800))).toBeTruthy();
    expect(partsAsked(call)).toEqual(['apercu+accueil']);
    expect(screen.queryByText(/réservés à la direction et aux CIP/)).toBeNull();

    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Accompagnement' }));
    expect(await screen.findByText('Calcul des indicateurs…')).toBeTruthy();
    const accompagnement = await screen.findByRole('table', { name: 'Accompagnement' });
    const cer = within(accompagnement).getByText('CER signés').closest('tr')!;
    expect(within(cer).getAllByRole('cell').slice(1).map((c) => c.textContent)).toEqual([String(YEAR - 1600), String(YEAR - 1 - 1600), String(YEAR - 2 - 1600)]);
    await user.click(screen.getByRole('tab', { name: 'Accueil' }));
    await user.click(screen.getByRole('tab', { name: 'Accompagnement' }));
    await screen.findByRole('table', { name: 'Accompagnement' });
    expect(partsAsked(call)).toEqual(['apercu+accueil', 'accompagnement']);
    // The cards still show what the first answer gave: a tab's answer adds to the figures, it replaces none.
    expect(screen.getByText(String(YEAR - 1800))).toBeTruthy();
  });

  it('the Repères tab asks for the year alone and keeps the previous years of the charts; the notice follows the role', async () => {
    // The other year's cards and charts answer after its figures for Repères: the later answer must not lose them.
    const slowCards = (e: RpcEnvelope) => (e.input as { annee: number; parties: string[] }).annee === YEAR - 1 && (e.input as { parties: string[] }).parties.join() === 'apercu';
    const call = fakeBridge((e) => (slowCards(e) ? (new Promise((done) => setTimeout(() => done(answer(e, false)), 80)) as unknown as ReturnType<typeof answer>) : answer(e, false)));
    renderUi(<ObservatoirePage />);
    await screen.findByRole('table', { name: 'Accueil' });
    expect(screen.getByText(/réservés à la direction et aux CIP/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('tab', { name: 'Repères du réseau' }));
    await screen.findByText(/Votre fédération peut vous envoyer les repères/);
    await waitFor(() => expect(partsAsked(call)).toEqual(['apercu+accueil', 'tout']));
    expect(screen.getByText(`${YEAR - 1} : ${YEAR - 1 - 1800}`)).toBeTruthy();
    // Another year while on Repères: the cards and charts, and the year alone, whichever answers first.
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Année', { selector: 'input' }));
    // jsdom runs no transition: the dropdown stays hidden, its options are still clickable.
    await user.click(await screen.findByRole('option', { name: String(YEAR - 1), hidden: true }));
    await screen.findByText(`${YEAR - 2} : ${YEAR - 2 - 1800}`);
    expect(partsAsked(call)).toEqual(['apercu+accueil', 'tout', 'apercu', 'tout']);
    expect(screen.getByText(String(YEAR - 1 - 1800))).toBeTruthy();
  });
});
