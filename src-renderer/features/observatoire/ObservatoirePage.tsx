import { isSensitivePartition } from '../../../src-shared/observatoire/sensitive-lists';
import { ActionIcon, Alert, Group, Loader, Paper, Popover, SegmentedControl, Select, SimpleGrid, Table, Tabs, Text, Title, UnstyledButton } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { INDICATOR_DEFINITIONS, SECTION_LABELS, hasPersonList, indicatorDefinition, type IndicatorMap, type IndicatorSection } from '../../../src-shared/observatoire/indicateurs';
import { formatIndicator } from '../../../src-shared/observatoire/format-value';
import type { ObservatoireYear } from '../../../src-shared/views-observatoire';
import { INDICATOR_SECTIONS, type ObservatoirePart } from '../../../src-shared/observatoire/page-parts';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { ReperesPanel } from './ReperesPanel';
import { DrillDownModal } from './DrillDownModal';

/** The part of the page's figures a tab shows (the Repères tab compares every figure of the year). */
function partOfTab(tab: string): ObservatoirePart {
  return (INDICATOR_SECTIONS as readonly string[]).includes(tab) ? (tab as IndicatorSection) : 'tout';
}

interface Shown {
  data: ObservatoireYear;
  parts: ReadonlySet<ObservatoirePart>;
}

/** The figures of parts just computed, added to those of the same year already shown (or replacing another year's). */
function mergeParts(before: Shown | null, added: ObservatoireYear, parts: readonly ObservatoirePart[]): Shown {
  if (!before || before.data.annee !== added.annee) return { data: added, parts: new Set(parts) };
  const b = before.data;
  // The part `tout` comes without previous years: those already shown stay, whichever part arrived first.
  const previous = new Map(b.precedents.map((p) => [p.annee, p.indicateurs]));
  for (const q of added.precedents) previous.set(q.annee, { ...previous.get(q.annee), ...q.indicateurs });
  return {
    data: {
      ...added,
      indicateurs: { ...b.indicateurs, ...added.indicateurs },
      precedents: [...previous].sort(([x], [y]) => y - x).map(([annee, indicateurs]) => ({ annee, indicateurs })),
      masques: [...new Set([...b.masques, ...added.masques])],
    },
    parts: new Set([...before.parts, ...parts]),
  };
}
// Dark enough for text on white (the tooltip writes each series in its colour): WCAG AA, issue 14 §9.
const COLORS = ['#0b7285', '#b8400b', '#237032', '#862e9c', '#c92a2a'];

/**
 * The year's indicators of the common frame (REPORT-SPEC §2), for the structure or one dispositif, beside the two
 * previous years; each definition one click away, and the persons behind each count for authorised roles.
 */
export function ObservatoirePage() {
  const [annee, setAnnee] = useState(new Date().getFullYear() - 1);
  const [scope, setScope] = useState<string>('total');
  const [tab, setTab] = useState<string>('accueil');
  // The year's figures shown, and the parts of them already computed (page-parts.ts): the cards and charts, then each
  // tab opened. The previous year stays on screen until the new one's first part arrives.
  const [shown, setShown] = useState<Shown | null>(null);
  const data = shown?.data ?? null;
  const loaded = shown?.parts ?? new Set<ObservatoirePart>();
  const [error, setError] = useState<string | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const shownYear = useRef(annee);
  const asked = useRef(new Set<ObservatoirePart>());

  const load = useCallback((year: number, parties: ObservatoirePart[]) => {
    parties.forEach((p) => asked.current.add(p));
    api('observatoire.year', { annee: year, parties }).then(
      (d) => {
        if (shownYear.current !== year) return;
        setShown((before) => mergeParts(before, d, parties));
        setError(null);
      },
      (err: unknown) => {
        if (shownYear.current !== year) return;
        parties.forEach((p) => asked.current.delete(p));
        setError(err instanceof ApiError ? err.message : 'Chargement impossible.');
      },
    );
  }, []);

  // A new year: its cards and charts, and the open tab's figures, in one computation.
  useEffect(() => {
    shownYear.current = annee;
    asked.current = new Set();
    const part = partOfTab(tab);
    load(annee, part === 'tout' ? ['apercu'] : ['apercu', part]);
    if (part === 'tout') load(annee, ['tout']);
    // The open tab is read when the year changes only; a tab opened later is loaded by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [annee, load]);

  // A tab opened for the first time in this year: its figures, for the three years.
  useEffect(() => {
    const part = partOfTab(tab);
    if (!asked.current.has(part)) load(annee, [part]);
  }, [tab, annee, load]);

  const key = (id: string) => (scope === 'total' ? id : `par_dispositif.${scope}.${id}`);
  const value = (m: IndicatorMap | undefined, id: string) => m?.[key(id)];
  const years = useMemo(() => (data ? [...data.precedents].reverse().concat([{ annee: data.annee, indicateurs: data.indicateurs }]) : []), [data]);
  const computing = (
    <Group gap="xs" p="md">
      <Loader size="sm" />
      <Text size="sm" c="dimmed">
        Calcul des indicateurs…
      </Text>
    </Group>
  );

  const rowsOf = (section: IndicatorSection) => {
    if (!data) return [];
    const defs = INDICATOR_DEFINITIONS.filter((d) => d.section === section && (scope === 'total' || d.perDispositif));
    const dynamic = Object.keys(data.indicateurs)
      .filter((id) => !id.startsWith('par_dispositif.'))
      .filter((id) => (section === 'public' && id.startsWith('public.orienteur.')) || (section === 'sorties' && id.startsWith('sorties.par_motif.')))
      .sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));
    return [...defs.map((d) => d.id), ...dynamic].filter((id) => !data.masques.includes(key(id)));
  };

  return (
    <>
      <PageHeader
        title="Observatoire"
        description="Les indicateurs du cadre commun de la fédération, calculés sur vos données."
        actions={
          <Group>
            {data && data.dispositifs.length > 1 && (
              <SegmentedControl
                aria-label="Périmètre"
                value={scope}
                onChange={setScope}
                data={[{ value: 'total', label: 'Structure' }, ...data.dispositifs.map((k) => ({ value: k, label: k }))]}
              />
            )}
            <Select
              aria-label="Année"
              w={110}
              value={String(annee)}
              onChange={(v) => v && setAnnee(Number(v))}
              data={(data?.anneesDisponibles ?? [annee]).map((y) => String(y))}
              allowDeselect={false}
            />
          </Group>
        }
      />
      <FormAlert message={error} />
      {data && !data.detailSensibleAutorise && (
        <Alert color="gray" mb="md">
          Les indicateurs touchant à la santé et à la justice sont réservés à la direction et aux CIP.
        </Alert>
      )}
      {data && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
            {['public.salaries_en_parcours', 'public.entrees', 'activite.taux_realisation', 'sorties.taux_sorties_dynamiques'].map((id) => (
              <Paper key={id} withBorder p="md">
                <Text size="sm" c="dimmed">
                  {indicatorDefinition(id)!.label}
                </Text>
                <Title order={3}>{formatIndicator(id, value(data.indicateurs, id))}</Title>
                <Text size="xs" c="dimmed">
                  {data.annee - 1} : {formatIndicator(id, value(data.precedents[0]?.indicateurs, id))}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
            <Paper withBorder p="md">
              <Text fw={600} mb="xs">
                Salariés, entrées et sorties sur trois ans
              </Text>
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={years.map((y) => ({ annee: String(y.annee), Salariés: value(y.indicateurs, 'public.salaries_en_parcours') ?? 0, Entrées: value(y.indicateurs, 'public.entrees') ?? 0, 'Sorties constatées': value(y.indicateurs, 'sorties.constatees') ?? 0 }))}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="annee" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  {['Salariés', 'Entrées', 'Sorties constatées'].map((k, i) => (
                    <Bar key={k} dataKey={k} fill={COLORS[i]} isAnimationActive={false} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </Paper>
            <Paper withBorder p="md">
              <Text fw={600} mb="xs">
                ETP réalisés et conventionnés
              </Text>
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={years.map((y) => ({ annee: String(y.annee), Réalisés: value(y.indicateurs, 'activite.etp_realises') ?? 0, Conventionnés: value(y.indicateurs, 'activite.etp_conventionnes') ?? 0 }))}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="annee" />
                  <YAxis />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="Réalisés" fill={COLORS[0]} isAnimationActive={false} />
                  <Bar dataKey="Conventionnés" fill={COLORS[1]} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </Paper>
          </SimpleGrid>
          <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
            <Tabs.List>
              {INDICATOR_SECTIONS.filter((s) => scope === 'total' || (s !== 'accueil' && s !== 'qualite')).map((s) => (
                <Tabs.Tab key={s} value={s}>
                  {SECTION_LABELS[s]}
                </Tabs.Tab>
              ))}
              <Tabs.Tab value="reperes">Repères du réseau</Tabs.Tab>
            </Tabs.List>
            {INDICATOR_SECTIONS.map((section) => (
              <Tabs.Panel key={section} value={section} pt="sm">
                {section === 'public' && (
                  <Text size="sm" c="dimmed" mb="xs">
                    Les critères comptés sont ceux du diagnostic d’entrée. Un diagnostic fait par un prescripteur habilité n’en porte souvent aucun (il n’a pas de minimum à réunir) : les personnes orientées ainsi peuvent manquer dans les lignes « Critère ».
                  </Text>
                )}
                {!loaded.has(section) ? computing : (
                <Paper withBorder>
                  <Table striped aria-label={SECTION_LABELS[section]}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Indicateur</Table.Th>
                        <Table.Th ta="right">{data.annee}</Table.Th>
                        {data.precedents.map((p) => (
                          <Table.Th key={p.annee} ta="right">
                            {p.annee}
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rowsOf(section).map((id) => {
                        const def = indicatorDefinition(id)!;
                        const v = value(data.indicateurs, id);
                        const listable = data.detailAutorise && (data.detailSensibleAutorise || !isSensitivePartition(id)) && hasPersonList(id) && typeof v === 'number' && v > 0;
                        return (
                          <Table.Tr key={id}>
                            <Table.Td>
                              <Group gap={4} wrap="nowrap">
                                <Text size="sm">{def.label}</Text>
                                <Popover width={320} withArrow shadow="md">
                                  <Popover.Target>
                                    <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Définition : ${def.label}`}>
                                      <IconInfoCircle size={16} />
                                    </ActionIcon>
                                  </Popover.Target>
                                  <Popover.Dropdown>
                                    <Text size="sm">{def.definition}</Text>
                                    <Text size="xs" c="dimmed" mt={4}>
                                      {key(id)}
                                    </Text>
                                  </Popover.Dropdown>
                                </Popover>
                              </Group>
                            </Table.Td>
                            <Table.Td ta="right">
                              {listable ? (
                                <UnstyledButton onClick={() => setDetail(key(id))} c="teal.9" fw={600} aria-label={`${formatIndicator(id, v)} — voir les personnes : ${def.label}`}>
                                  {formatIndicator(id, v)}
                                </UnstyledButton>
                              ) : (
                                formatIndicator(id, v)
                              )}
                            </Table.Td>
                            {data.precedents.map((p) => (
                              <Table.Td key={p.annee} ta="right" c="dimmed">
                                {formatIndicator(id, value(p.indicateurs, id))}
                              </Table.Td>
                            ))}
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Paper>
                )}
              </Tabs.Panel>
            ))}
            <Tabs.Panel value="reperes" pt="sm">
              {loaded.has('tout') ? <ReperesPanel annee={data.annee} indicateurs={data.indicateurs} masques={data.masques} scope={scope} /> : computing}
            </Tabs.Panel>
          </Tabs>
        </>
      )}
      <DrillDownModal annee={annee} id={detail} onClose={() => setDetail(null)} />
    </>
  );
}
