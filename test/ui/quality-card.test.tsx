import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { QualityRegisters } from '../../src-shared/views';
import { QualityDueCard } from '../../src-renderer/features/tableau-de-bord/QualityDueCard';
import { fakeBridge, renderUi } from './render';

const REGISTERS: QualityRegisters = {
  actions: [
    { id: 'a1', intitule: 'Signer les CER dans le mois', origine: 'auto_evaluation', responsable: 'K. Benali', indicateur: '', dateOuverture: '2024-01-01', echeance: '2024-03-31', dateCloture: null, resultat: '' },
    { id: 'a2', intitule: 'Action close', origine: 'audit', responsable: '', indicateur: '', dateOuverture: '2024-01-01', echeance: '2024-02-01', dateCloture: '2024-02-01', resultat: '' },
    { id: 'a3', intitule: 'Action à venir', origine: 'audit', responsable: '', indicateur: '', dateOuverture: '2024-01-01', echeance: '2999-01-01', dateCloture: null, resultat: '' },
  ],
  reclamations: [{ id: 'r1', date: '2024-05-01', origine: 'client', objet: 'Retard', traitement: '', dateCloture: null }],
  besoins: [],
  satisfaction: [],
  certifieJusquAu: null,
};

describe('dashboard quality card', () => {
  it('lists late improvement actions only, and counts open complaints', async () => {
    const call = fakeBridge(() => ({ ok: true, data: REGISTERS }));
    renderUi(
      <MemoryRouter>
        <QualityDueCard />
      </MemoryRouter>,
    );
    expect(await screen.findByText(/Signer les CER dans le mois — échéance le 31 mars 2024 \(K\. Benali\)/)).toBeTruthy();
    expect(screen.queryByText(/Action close/)).toBeNull();
    expect(screen.queryByText(/Action à venir/)).toBeNull();
    expect(screen.getByText('1 réclamation en cours de traitement.')).toBeTruthy();
    expect(call.mock.calls[0]![0].route).toBe('qualite.registres');
    expect(screen.queryByText(/certification/i)).toBeNull();
  });

  it('reminds the renewal in the six months before the certification ends, and says when it has lapsed', async () => {
    const soon = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    fakeBridge(() => ({ ok: true, data: { ...REGISTERS, actions: [], reclamations: [], certifieJusquAu: soon } }));
    const first = renderUi(
      <MemoryRouter>
        <QualityDueCard />
      </MemoryRouter>,
    );
    expect(await screen.findByText(/Certification valable jusqu’au .* : préparez l’audit de renouvellement\./)).toBeTruthy();
    first.unmount();
    fakeBridge(() => ({ ok: true, data: { ...REGISTERS, actions: [], reclamations: [], certifieJusquAu: '2020-01-01' } }));
    renderUi(
      <MemoryRouter>
        <QualityDueCard />
      </MemoryRouter>,
    );
    expect(await screen.findByText('Certification échue le 1er janvier 2020 : audit de renouvellement à organiser.')).toBeTruthy();
  });

  it('says nothing while the certification is far from its end', async () => {
    const call = fakeBridge(() => ({ ok: true, data: { ...REGISTERS, actions: [], reclamations: [], certifieJusquAu: '2999-01-01' } }));
    renderUi(
      <MemoryRouter>
        <QualityDueCard />
      </MemoryRouter>,
    );
    await vi.waitFor(() => expect(call).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(/Qualité : ce qui attend/)).toBeNull();
  });
});
