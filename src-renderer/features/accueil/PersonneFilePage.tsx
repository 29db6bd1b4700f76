import { Alert, Badge, Button, Group, Loader, Tabs, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconFileZip } from '@tabler/icons-react';
import { useSessionStore } from '../../stores/session-store';
import { confirmLeavingUnsaved } from '../../stores/unsaved-store';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { CIVILITES } from '../../../src-shared/domain/asp-codes';
import type { PersonneFile } from '../../../src-shared/views-accueil';
import { api, ApiError } from '../../api';
import { ageOn } from '../../lib/age';
import { downloadBlob, printPdf } from '../../lib/download';
import { base64ToBlob } from '../../lib/files';
import { can } from '../../lib/permissions';
import { formatDate } from '../../lib/format';
import { AccueilTab } from './tabs/AccueilTab';
import { DiagnosticTab } from './tabs/DiagnosticTab';
import { EligibiliteTab } from './tabs/EligibiliteTab';
import { IdentiteTab } from './tabs/IdentiteTab';
import { PassTab } from './tabs/PassTab';
import { ParcoursTab } from './tabs/ParcoursTab';
import { DECISION_COLORS, decisionLabel, PASS_COLORS, passLabel } from './labels';

/** Each tab receives the file and a setter: every route returns the updated file, so one round trip refreshes all. */
export interface TabProps {
  file: PersonneFile;
  onChange: (file: PersonneFile) => void;
}

export function PersonneFilePage() {
  const { id } = useParams<{ id: string }>();
  const [file, setFile] = useState<PersonneFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('accueil');

  useEffect(() => {
    let current = true;
    api('personnes.get', { id: id! }).then(
      (loaded) => {
        if (!current) return;
        setFile(loaded);
        setError(null);
        if (!loaded.droits.accueilRead) setTab('identite');
      },
      (err: unknown) => current && setError(err instanceof ApiError ? err.message : 'Dossier introuvable.'),
    );
    return () => {
      current = false;
    };
  }, [id]);

  if (error) return <Alert color="red" role="alert">{error}</Alert>;
  if (!file) return <Loader aria-label="Chargement du dossier" />;

  const p = file.personne;
  const latest = file.accueils?.[0];
  const pass = file.pass?.[0];
  const print = (doc: Parameters<typeof printPdf>[0]) => printPdf(doc, setError);
  const user = useSessionStore.getState().session!.user;

  return (
    <>
      <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
        <div>
          <Title order={2}>
            {p.prenom} {p.nom.toUpperCase()}
          </Title>
          <Text c="dimmed">
            {CIVILITES[p.civilite]}, {ageOn(p.dateNaissance)} ans (née ou né le {formatDate(p.dateNaissance)}){p.commune ? ` — ${p.commune}` : ''}
          </Text>
          <Group gap="xs" mt={6}>
            {latest && (
              <Badge color={DECISION_COLORS[latest.decision ?? 'attente']} variant="light" tt="none" size="lg">
                {decisionLabel(latest.decision)}
                {latest.dispositif ? ` · ${latest.dispositif}` : ''}
              </Badge>
            )}
            {pass && (
              <Badge color={pass.alerte ? 'red' : PASS_COLORS[pass.statut]} variant="light" tt="none" size="lg">
                PASS IAE : {passLabel(pass.statut)}
                {pass.statut !== 'EXPIRED' ? ` jusqu’au ${formatDate(pass.finCalculee)}` : ''}
              </Badge>
            )}
            {latest?.referent && (
              <Badge color="gray" variant="light" tt="none" size="lg">
                Référent·e : {latest.referent.displayName}
              </Badge>
            )}
          </Group>
        </div>
        <Group>
          {latest && file.droits.accueilRead && (
            <Button variant="default" leftSection={<IconFileTypePdf size={18} />} onClick={() => void print(() => api('documents.intake', { id: latest.id }))}>
              Synthèse d’accueil
            </Button>
          )}
          <Button variant="default" leftSection={<IconFileTypePdf size={18} />} onClick={() => void print(() => api('documents.notice'))}>
            Notice données personnelles
          </Button>
          {can(user, 'rgpd.manage') && (
            <Button
              variant="default"
              leftSection={<IconFileZip size={18} />}
              onClick={() =>
                void api('rgpd.access', { id: p.id }).then(
                  (f) => downloadBlob(f.fileName, base64ToBlob(f.base64, 'application/zip')),
                  (err: unknown) => setError(err instanceof ApiError ? err.message : 'Export impossible.'),
                )
              }
            >
              Droit d’accès (RGPD)
            </Button>
          )}
          {can(user, 'rgpd.manage') && (
            <Button variant="default" component={Link} to={`/parametres/demandes-rgpd?personne=${p.id}`}>
              Enregistrer une demande RGPD
            </Button>
          )}
        </Group>
      </Group>
      {/* Another tab unmounts this one: unsaved edits are asked about first. */}
      <Tabs value={tab} onChange={(next) => void confirmLeavingUnsaved().then((leave) => leave && setTab(next))} keepMounted={false}>
        <Tabs.List mb="md">
          {file.droits.accueilRead && <Tabs.Tab value="accueil">Accueil et décision</Tabs.Tab>}
          {file.droits.accueilRead && <Tabs.Tab value="diagnostic">Diagnostic</Tabs.Tab>}
          {!file.droits.accueilRead && <Tabs.Tab value="diagnostic">Compétences</Tabs.Tab>}
          {file.droits.accueilRead && <Tabs.Tab value="eligibilite">Éligibilité</Tabs.Tab>}
          {file.droits.accueilRead && <Tabs.Tab value="pass">PASS IAE</Tabs.Tab>}
          <Tabs.Tab value="parcours">Parcours</Tabs.Tab>
          <Tabs.Tab value="identite">Identité</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="accueil">{file.accueils && <AccueilTab file={file} onChange={setFile} />}</Tabs.Panel>
        <Tabs.Panel value="diagnostic">
          <DiagnosticTab file={file} onChange={setFile} />
        </Tabs.Panel>
        <Tabs.Panel value="eligibilite">{file.diagnostics && <EligibiliteTab file={file} onChange={setFile} />}</Tabs.Panel>
        <Tabs.Panel value="pass">{file.pass && <PassTab file={file} onChange={setFile} />}</Tabs.Panel>
        <Tabs.Panel value="parcours">
          <ParcoursTab file={file} onChange={setFile} />
        </Tabs.Panel>
        <Tabs.Panel value="identite">
          <IdentiteTab file={file} onChange={setFile} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
