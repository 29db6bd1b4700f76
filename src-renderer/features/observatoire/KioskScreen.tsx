import { Button, Center, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AnswerValue, QuestionnaireView } from '../../../src-shared/qualite/questionnaires';
import { api, ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { useSessionStore } from '../../stores/session-store';

const NOTES = [
  { value: '1', label: '1 — pas du tout' },
  { value: '2', label: '2' },
  { value: '3', label: '3' },
  { value: '4', label: '4' },
  { value: '5', label: '5 — tout à fait' },
];

/**
 * The kiosk: the person answers alone, anonymously, in large type; nothing else of the app is reachable (the
 * session is locked). After each answer, "Merci" then a blank questionnaire for the next person. Leaving asks the
 * staff member's password (the lock screen).
 */
export function KioskScreen({ questionnaire }: { questionnaire: QuestionnaireView }) {
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!sent) return;
    const timer = window.setTimeout(() => setSent(false), 6000);
    return () => window.clearTimeout(timer);
  }, [sent]);

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('borne.repondre', { questionnaireId: questionnaire.id, reponses: answers });
      setAnswers({});
      setSent(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'L’envoi n’a pas marché : appelez la personne qui vous accompagne.');
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <Center h="100vh" p="xl">
        <Stack align="center">
          <Title order={1}>Merci !</Title>
          <Text size="xl">Vos réponses sont enregistrées, sans votre nom.</Text>
          <Button size="lg" variant="light" onClick={() => setSent(false)}>
            Nouvelle personne
          </Button>
        </Stack>
      </Center>
    );
  }

  return (
    <Center mih="100vh" p="xl" bg="gray.0">
      <Paper withBorder p="xl" maw={860} w="100%" radius="md">
        <Stack gap="xl">
          <div>
            <Title order={1} size="h2">
              {questionnaire.titre}
            </Title>
            <Text size="lg" c="dimmed">
              Votre avis nous aide à mieux faire. Vous pouvez passer une question. Vos réponses ne portent pas votre nom.
            </Text>
          </div>
          {questionnaire.questions.map((q, i) => (
            <Stack key={q.id} gap="xs">
              <Text size="xl" fw={600} id={`question-${q.id}`}>
                {i + 1}. {q.libelle}
              </Text>
              {q.type === 'note' && (
                <SegmentedControl
                  size="lg"
                  fullWidth
                  aria-labelledby={`question-${q.id}`}
                  data={NOTES}
                  value={answers[q.id] === undefined ? '' : String(answers[q.id])}
                  onChange={(v) => setAnswers({ ...answers, [q.id]: Number(v) })}
                />
              )}
              {q.type === 'oui_non' && (
                <SegmentedControl
                  size="lg"
                  fullWidth
                  aria-labelledby={`question-${q.id}`}
                  data={[
                    { value: 'oui', label: 'Oui' },
                    { value: 'non', label: 'Non' },
                  ]}
                  value={answers[q.id] === undefined ? '' : answers[q.id] ? 'oui' : 'non'}
                  onChange={(v) => setAnswers({ ...answers, [q.id]: v === 'oui' })}
                />
              )}
              {q.type === 'texte' && (
                <Textarea size="lg" autosize minRows={3} aria-labelledby={`question-${q.id}`} value={(answers[q.id] as string) ?? ''} onChange={(e) => setAnswers({ ...answers, [q.id]: e.currentTarget.value })} />
              )}
            </Stack>
          ))}
          <FormAlert message={error} />
          <Group justify="space-between">
            <Button variant="subtle" color="gray" onClick={() => useSessionStore.getState().setKiosk(null)}>
              Quitter (réservé à l’équipe)
            </Button>
            <Button size="xl" onClick={() => void send()} loading={busy}>
              Envoyer mes réponses
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
