import { ActionIcon, Badge, Button, Checkbox, Group, Modal, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { MOMENTS, QUESTION_TYPES, type Question, type QuestionnaireResults, type QuestionnaireView } from '../../../src-shared/qualite/questionnaires';
import { api, ApiError } from '../../api';
import { isIsoDate } from '../../../src-shared/rules/dates';
import { DateField } from '../../components/fields/DateField';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { can } from '../../lib/permissions';
import { useRouteData } from '../../lib/useRoute';
import { useSessionStore } from '../../stores/session-store';
import { plural } from '../../../src-shared/format/french-number';

const PUBLICS = { salarie: 'Salarié·es', client: 'Clients' } as const;
const percent = (v: number) => `${Math.round(v * 100)} %`;
const decimal = (v: number) => v.toFixed(1).replace('.', ',');

/**
 * Satisfaction questionnaires: open the kiosk for a person (at a bilan, at the exit, a client), write the questions,
 * and read the results of a period.
 */
export function QuestionnairesPage() {
  const { data, error } = useRouteData('questionnaires.list');
  const user = useSessionStore((s) => s.session?.user ?? null);
  const [list, setList] = useState<QuestionnaireView[] | null>(null);
  const [editing, setEditing] = useState<QuestionnaireView | 'new' | null>(null);
  const [results, setResults] = useState<QuestionnaireView | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const shown = list ?? data ?? [];
  const manage = user !== null && can(user, 'qualite.manage');

  const openKiosk = async (q: QuestionnaireView) => {
    setActionError(null);
    try {
      const opened = await api('borne.ouvrir', { id: q.id });
      // Nothing of the staff's work may stay on the screen the person uses (pending notifications included).
      notifications.clean();
      useSessionStore.getState().setKiosk(opened);
    } catch (err) {
      setActionError(err instanceof ApiError ? err.message : 'Ouverture impossible.');
    }
  };

  return (
    <>
      <PageHeader
        title="Questionnaires de satisfaction"
        description="La personne répond seule, sans son nom, sur l’écran de la borne ; les résultats se lisent par période."
        actions={manage && <Button onClick={() => setEditing('new')}>Nouveau questionnaire</Button>}
      />
      <FormAlert message={error ?? actionError} />
      <Stack>
        {shown.map((q) => (
          <Paper key={q.id} withBorder p="md">
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="xs">
                  <Title order={2} size="h4">
                    {q.titre}
                  </Title>
                  {!q.actif && (
                    <Badge color="gray" variant="light" tt="none">
                      retiré
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {PUBLICS[q.public]} · {MOMENTS[q.moment]} · {plural(q.questions.length, 'question')} · {plural(q.nombreReponses, 'réponse')}
                </Text>
              </div>
              <Group>
                {manage && (
                  <>
                    <Button variant="default" onClick={() => setResults(q)}>
                      Résultats
                    </Button>
                    <Button variant="default" onClick={() => setEditing(q)}>
                      Modifier
                    </Button>
                  </>
                )}
                {q.actif && <Button onClick={() => void openKiosk(q)}>Ouvrir la borne</Button>}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Nouveau questionnaire' : 'Modifier le questionnaire'} size="xl">
        {editing && (
          <QuestionnaireForm
            initial={editing === 'new' ? null : editing}
            onSaved={(next) => {
              setList(next);
              setEditing(null);
            }}
          />
        )}
      </Modal>
      <Modal opened={results !== null} onClose={() => setResults(null)} title={results ? `Résultats — ${results.titre}` : ''} size="xl">
        {results && <ResultsView questionnaire={results} />}
      </Modal>
    </>
  );
}

function QuestionnaireForm({ initial, onSaved }: { initial: QuestionnaireView | null; onSaved: (list: QuestionnaireView[]) => void }) {
  const [titre, setTitre] = useState(initial?.titre ?? '');
  const [publicCible, setPublic] = useState<'salarie' | 'client'>(initial?.public ?? 'salarie');
  const [moment, setMoment] = useState<QuestionnaireView['moment']>(initial?.moment ?? 'bilan');
  const [actif, setActif] = useState(initial?.actif ?? true);
  const [questions, setQuestions] = useState<Question[]>(initial?.questions ?? [{ id: 'q1', libelle: '', type: 'note' }]);
  const [error, setError] = useState<string | null>(null);

  const nextId = () => `q${Math.max(0, ...questions.map((q) => Number(q.id.slice(1)) || 0)) + 1}`;
  const update = (i: number, patch: Partial<Question>) => setQuestions(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const save = async () => {
    setError(null);
    try {
      onSaved(await api('questionnaires.save', { id: initial?.id ?? null, titre, public: publicCible, moment, actif, questions }));
    } catch (err) {
      setError(err instanceof ApiError ? (Object.values(err.fields)[0] ?? err.message) : 'Enregistrement impossible.');
    }
  };

  return (
    <Stack>
      <TextInput label="Titre" value={titre} onChange={(e) => setTitre(e.currentTarget.value)} />
      <Group grow>
        <Select label="Qui répond" data={Object.entries(PUBLICS).map(([value, label]) => ({ value, label }))} value={publicCible} onChange={(v) => v && setPublic(v as 'salarie' | 'client')} allowDeselect={false} />
        <Select label="Moment" data={Object.entries(MOMENTS).map(([value, label]) => ({ value, label }))} value={moment} onChange={(v) => v && setMoment(v as QuestionnaireView['moment'])} allowDeselect={false} />
      </Group>
      <Checkbox label="Proposé sur la borne" checked={actif} onChange={(e) => setActif(e.currentTarget.checked)} />
      <Text fw={600}>Questions</Text>
      {questions.map((q, i) => (
        <Group key={q.id} align="flex-end" wrap="nowrap">
          <TextInput label={`Question ${i + 1}`} style={{ flex: 1 }} value={q.libelle} onChange={(e) => update(i, { libelle: e.currentTarget.value })} />
          <Select label="Réponse" w={180} data={Object.entries(QUESTION_TYPES).map(([value, label]) => ({ value, label }))} value={q.type} onChange={(v) => v && update(i, { type: v as Question['type'] })} allowDeselect={false} />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Retirer la question ${i + 1}`} onClick={() => setQuestions(questions.filter((_, j) => j !== i))}>
            <IconTrash size={18} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="light" onClick={() => setQuestions([...questions, { id: nextId(), libelle: '', type: 'note' }])}>
          Ajouter une question
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Une question déjà répondue garde ses réponses même si son libellé change ; retirée, ses anciennes réponses restent dans les résultats passés.
      </Text>
      <FormAlert message={error} />
      <Group justify="flex-end">
        <Button onClick={() => void save()}>Enregistrer</Button>
      </Group>
    </Stack>
  );
}

function ResultsView({ questionnaire }: { questionnaire: QuestionnaireView }) {
  const year = new Date().getFullYear();
  const [du, setDu] = useState(`${year}-01-01`);
  const [au, setAu] = useState(`${year}-12-31`);
  const [results, setResults] = useState<QuestionnaireResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // The period is asked for once both dates are whole; the fields hold what is being typed meanwhile.
    if (!isIsoDate(du) || !isIsoDate(au)) return;
    let current = true;
    api('questionnaires.results', { id: questionnaire.id, du, au }).then(
      (r) => current && (setResults(r), setError(null)),
      (err: unknown) => current && setError(err instanceof ApiError ? err.message : 'Résultats indisponibles.'),
    );
    return () => {
      current = false;
    };
  }, [questionnaire.id, du, au]);

  return (
    <Stack>
      <Group>
        <DateField label="Du" value={du} onChange={setDu} />
        <DateField label="Au" value={au} onChange={setAu} />
      </Group>
      <FormAlert message={error} />
      {results && (
        <>
          <SimpleGrid cols={2}>
            <Paper withBorder p="sm">
              <Text size="xs" c="dimmed">
                Réponses sur la période
              </Text>
              <Text fw={700} size="xl">
                {results.reponses}
              </Text>
            </Paper>
            <Paper withBorder p="sm">
              <Text size="xs" c="dimmed">
                Note moyenne (questions notées)
              </Text>
              <Text fw={700} size="xl">
                {results.noteMoyenne === null ? '—' : `${decimal(results.noteMoyenne)} / 5`}
              </Text>
            </Paper>
          </SimpleGrid>
          <Table aria-label="Résultats par question" verticalSpacing="sm">
            <Table.Tbody>
              {results.questions.map((r) => (
                <Table.Tr key={r.question.id}>
                  <Table.Td w="45%">
                    <Text size="sm">{r.question.libelle}</Text>
                    <Text size="xs" c="dimmed">
                      {plural(r.reponses, 'réponse')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.moyenne !== null && (
                      <Stack gap={4}>
                        <Text fw={700}>{decimal(r.moyenne)} / 5</Text>
                        <Progress value={(r.moyenne / 5) * 100} aria-label={`Moyenne ${decimal(r.moyenne)} sur 5`} />
                        <Text size="xs" c="dimmed">
                          {r.repartition!.map((n, i) => `${i + 1} : ${n}`).join(' · ')}
                        </Text>
                      </Stack>
                    )}
                    {r.partOui !== null && <Text fw={700}>{percent(r.partOui)} de oui</Text>}
                    {r.question.type === 'texte' &&
                      (r.textes.length ? (
                        <Stack gap={2}>
                          {r.textes.map((t, i) => (
                            <Text key={i} size="sm">
                              « {t} »
                            </Text>
                          ))}
                        </Stack>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Aucune réponse libre.
                        </Text>
                      ))}
                    {r.reponses === 0 && r.question.type !== 'texte' && (
                      <Text size="sm" c="dimmed">
                        Pas de réponse sur la période.
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
