/**
 * The number and date fields typed key by key in jsdom, and a route's refusal landing next to each field with a
 * summary at the top (issue 14 §1, §2).
 */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ParcoursView } from '../../src-shared/views-insertion';
import { DateField } from '../../src-renderer/components/fields/DateField';
import { NumberField } from '../../src-renderer/components/fields/NumberField';
import { CerSection } from '../../src-renderer/features/accueil/tabs/AccompagnementSections';
import { fakeBridge, renderUi } from './render';

function NumberProbe({ onValue }: { onValue: (v: number | null) => void }) {
  const [value, setValue] = useState<number | null>(null);
  return (
    <NumberField
      label="Heures"
      value={value}
      onChange={(v) => {
        setValue(v);
        onValue(v);
      }}
    />
  );
}

function DateProbe({ onValue }: { onValue: (v: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <DateField
      label="Date"
      value={value}
      onChange={(v) => {
        setValue(v);
        onValue(v);
      }}
    />
  );
}

describe('number field', () => {
  it('151,67 typed key by key is 151,67; letters are refused with a message', async () => {
    const values: Array<number | null> = [];
    renderUi(<NumberProbe onValue={(v) => values.push(v)} />);
    const user = userEvent.setup();
    const input = screen.getByLabelText('Heures') as HTMLInputElement;
    await user.type(input, '151,67');
    expect(input.value).toBe('151,67');
    expect(values.at(-1)).toBe(151.67);
    await user.type(input, 'h');
    expect(input.value).toBe('151,67');
    expect(screen.getByText('Saisissez un nombre : des chiffres et une virgule, par exemple 151,67.')).toBeTruthy();
    await user.clear(input);
    await user.type(input, '1 234.5');
    await user.tab();
    expect(values.at(-1)).toBe(1234.5);
    expect(input.value).toBe('1\u00a0234,5');
  });
});

describe('date field', () => {
  it('JJ/MM/AAAA typed as digits gets its slashes; only a whole real date reaches the form', async () => {
    const values: string[] = [];
    renderUi(<DateProbe onValue={(v) => values.push(v)} />);
    const user = userEvent.setup();
    const input = screen.getByLabelText('Date') as HTMLInputElement;
    await user.type(input, '15012025');
    expect(input.value).toBe('15/01/2025');
    expect(values.filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))).toEqual(['2025-01-15']);
    await user.clear(input);
    await user.type(input, '31/02/2024');
    expect(screen.getByText('Cette date n’existe pas.')).toBeTruthy();
    expect(values.at(-1)).toBe('31/02/2024');
    await user.clear(input);
    await user.type(input, '15/01');
    await user.tab();
    expect(screen.getByText('Date incomplète : saisissez-la sous la forme JJ/MM/AAAA.')).toBeTruthy();
  });
});

describe('server errors on the form', () => {
  it('each field message lands next to its field, with a summary whose links put the cursor there', async () => {
    const parcours = {
      id: 'p1',
      personneId: 'x',
      dispositif: 'ACI',
      contrats: [],
      cer: [],
      echeances: { cerAttenduLe: null, cerSigneDansDelai: null, prochainBilan: null, bilanEnRetard: false },
    } as unknown as ParcoursView;
    const call = fakeBridge(() => ({ ok: false, error: { code: 'VALIDATION', message: 'Le CER n’est pas enregistré.', fields: { objectifs: 'Notez les objectifs de la personne, avec ses mots.', dateSignature: 'Indiquez la date de signature.' } } }));
    renderUi(<CerSection parcours={parcours} canWrite onChange={vi.fn()} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Rédiger le CER avec la personne' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le CER' }));
    await waitFor(() => expect(call).toHaveBeenCalled());
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Le CER n’est pas enregistré.');
    const objectifs = screen.getByLabelText('Les objectifs de la personne, avec ses mots');
    expect(objectifs.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(objectifs.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('error'))!)?.textContent).toBe('Notez les objectifs de la personne, avec ses mots.');
    await act(() => user.click(screen.getByRole('link', { name: 'Signé le' })));
    expect(document.activeElement).toBe(screen.getByLabelText('Signé le'));
  });
});
