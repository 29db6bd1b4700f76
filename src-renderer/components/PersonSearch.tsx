import { Group, Kbd, Modal, Stack, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatPassNumber } from '../../src-shared/rules/identity';
import type { PersonneSearchHit } from '../../src-shared/views-accueil';
import { api } from '../api';
import { formatDate } from '../lib/format';

/** Ctrl+K from anywhere: find a person by name, first name, France Travail id or PASS number, accents ignored. */
export function PersonSearch() {
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 120);
  const [hits, setHits] = useState<PersonneSearchHit[]>([]);
  const [active, setActive] = useState(0);

  useHotkeys([['mod+K', () => setOpened(true)]], []);

  useEffect(() => {
    let current = true;
    (debounced.trim() ? api('personnes.search', { q: debounced }) : Promise.resolve([])).then(
      (found) => {
        if (!current) return;
        setHits(found);
        setActive(0);
      },
      () => current && setHits([]),
    );
    return () => {
      current = false;
    };
  }, [debounced]);

  const close = () => {
    setOpened(false);
    setQ('');
  };
  const open = (hit: PersonneSearchHit | undefined) => {
    if (!hit) return;
    close();
    void navigate(`/personnes/${hit.id}`);
  };

  return (
    <>
      {/* Named by what it shows (WCAG 2.5.3); on small screens the words stay for screen readers only. */}
      <UnstyledButton onClick={() => setOpened(true)} px="sm" py={6} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
        <Group gap="xs" wrap="nowrap">
          <IconSearch size={16} aria-hidden />
          <Text size="sm" c="dimmed" visibleFrom="md">
            Rechercher une personne{' '}
          </Text>
          <VisuallyHidden hiddenFrom="md">Rechercher une personne </VisuallyHidden>
          <Kbd size="xs">Ctrl K</Kbd>
        </Group>
      </UnstyledButton>
      <Modal opened={opened} onClose={close} title="Rechercher une personne" size="lg" yOffset="10vh">
        <TextInput
          data-autofocus
          placeholder="Nom, prénom, identifiant France Travail ou numéro de PASS"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
            else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
            else if (e.key === 'Enter') open(hits[active]);
            else return;
            e.preventDefault();
          }}
          aria-label="Rechercher"
          aria-controls="resultats-recherche"
        />
        <Stack gap={2} mt="sm" id="resultats-recherche" role="listbox" aria-label="Résultats">
          {hits.map((h, i) => (
            <UnstyledButton
              key={h.id}
              role="option"
              aria-selected={i === active}
              onClick={() => open(h)}
              onMouseEnter={() => setActive(i)}
              p="xs"
              style={{ borderRadius: 6, background: i === active ? 'var(--mantine-color-teal-0)' : undefined }}
            >
              <Text fw={600}>
                {h.nom.toUpperCase()} {h.prenom}
              </Text>
              <Text size="xs" c="dimmed">
                née ou né le {formatDate(h.dateNaissance)}
                {h.identifiantFt ? ` · France Travail ${h.identifiantFt}` : ''}
                {h.passNumeros.length ? ` · PASS ${h.passNumeros.map(formatPassNumber).join(', ')}` : ''}
              </Text>
            </UnstyledButton>
          ))}
          {debounced.trim() && hits.length === 0 && (
            <Text c="dimmed" size="sm" p="xs">
              Personne ne correspond à « {debounced} ».
            </Text>
          )}
        </Stack>
      </Modal>
    </>
  );
}
