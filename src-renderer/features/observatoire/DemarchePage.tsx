import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { REGISTER_KEYS, REGISTERS, type RegisterKey } from '../../../src-shared/qualite/registers';
import { PageHeader } from '../../components/PageHeader';
import { RegisterPanel } from './RegisterPanel';

/** The CEDRE commitments' registers: staff and trainings, work environment, participation, manual and certification. */
export function DemarchePage() {
  const [search, setSearch] = useSearchParams();
  const asked = search.get('registre') as RegisterKey | null;
  const current = asked && REGISTER_KEYS.includes(asked) ? asked : 'personnel';
  return (
    <>
      <PageHeader title="Démarche qualité" description="Équipe et formations, environnement de travail, participation des salariés, manuel qualité et certification." />
      <Tabs value={current} onChange={(v) => v && setSearch({ registre: v })} keepMounted={false}>
        <Tabs.List mb="md">
          {REGISTER_KEYS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {REGISTERS[k].label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {REGISTER_KEYS.map((k) => (
          <Tabs.Panel key={k} value={k}>
            <RegisterPanel registre={k} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
