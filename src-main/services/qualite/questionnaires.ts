/**
 * Satisfaction questionnaires (issue 8 §3): the structure writes its own questions; the person answers alone on the
 * kiosk screen, anonymously; results come by period. Each answer also counts once in the satisfaction average of
 * the annual report (REPORT-SPEC §2.6): the mean of its rated questions, rounded, goes to `reponses_satisfaction`.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors';
import type { AnswerValue, Question, QuestionnaireResults, QuestionnaireView } from '../../../src-shared/qualite/questionnaires';
import type { KioskAnswerInput, QuestionnaireInput } from '../../../src-shared/schemas/questionnaires';
import { toIsoDate } from '../../../src-shared/rules/dates';
import { uuidv7 } from '../../lib/uuid';

const DEFAULTS: Array<Omit<QuestionnaireInput, 'id'>> = [
  {
    titre: 'Mon parcours — au bilan',
    public: 'salarie',
    moment: 'bilan',
    actif: true,
    questions: [
      { id: 'q1', libelle: 'Je me sens écouté·e par mon ou ma conseiller·e.', type: 'note' },
      { id: 'q2', libelle: 'Les objectifs de mon contrat d’engagement sont bien les miens.', type: 'oui_non' },
      { id: 'q3', libelle: 'Sur le chantier ou en mission, j’apprends des choses utiles.', type: 'note' },
      { id: 'q4', libelle: 'Mes conditions de travail (matériel, sécurité) sont bonnes.', type: 'note' },
      { id: 'q5', libelle: 'Ce que je voudrais changer :', type: 'texte' },
    ],
  },
  {
    titre: 'Mon parcours — à la sortie',
    public: 'salarie',
    moment: 'sortie',
    actif: true,
    questions: [
      { id: 'q1', libelle: 'Mon parcours m’a aidé·e à avancer vers l’emploi ou la formation.', type: 'note' },
      { id: 'q2', libelle: 'Je recommanderais la structure à quelqu’un qui cherche du travail.', type: 'oui_non' },
      { id: 'q3', libelle: 'Ce qui m’a le plus aidé·e :', type: 'texte' },
    ],
  },
  {
    titre: 'Clients — satisfaction annuelle',
    public: 'client',
    moment: 'annuel',
    actif: true,
    questions: [
      { id: 'q1', libelle: 'Qualité du travail réalisé', type: 'note' },
      { id: 'q2', libelle: 'Respect des délais et des horaires', type: 'note' },
      { id: 'q3', libelle: 'Vous referiez appel à nous', type: 'oui_non' },
      { id: 'q4', libelle: 'Vos remarques :', type: 'texte' },
    ],
  },
];

interface Row {
  id: string;
  titre: string;
  public: 'salarie' | 'client';
  moment: QuestionnaireView['moment'];
  questions: string;
  actif: number;
  n: number;
}

export class QuestionnairesService {
  constructor(private readonly sqlite: Database.Database) {}

  ensureDefaults(now: Date): void {
    if (this.sqlite.prepare('select 1 from questionnaires limit 1').get()) return;
    for (const q of DEFAULTS) this.save({ id: null, ...q }, now);
  }

  list(): QuestionnaireView[] {
    const rows = this.sqlite
      .prepare('select q.*, (select count(*) from reponses_questionnaires r where r.questionnaire_id = q.id) as n from questionnaires q order by q.actif desc, q.created_at')
      .all() as Row[];
    return rows.map(toView);
  }

  get(id: string): QuestionnaireView {
    const row = this.sqlite.prepare('select q.*, (select count(*) from reponses_questionnaires r where r.questionnaire_id = q.id) as n from questionnaires q where q.id = ?').get(id) as Row | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'Ce questionnaire n’existe plus.');
    return toView(row);
  }

  /** Question ids must be unique; an answered question keeps its id, so its past answers stay attached to it. */
  save(input: QuestionnaireInput, now: Date): string {
    const ids = input.questions.map((q) => q.id);
    if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION', 'Deux questions ont le même identifiant.');
    const at = now.toISOString();
    const questions = JSON.stringify(input.questions);
    if (input.id) {
      this.get(input.id);
      this.sqlite
        .prepare('update questionnaires set titre = ?, public = ?, moment = ?, questions = ?, actif = ?, updated_at = ? where id = ?')
        .run(input.titre, input.public, input.moment, questions, input.actif ? 1 : 0, at, input.id);
      return input.id;
    }
    const id = uuidv7(now.getTime());
    this.sqlite
      .prepare('insert into questionnaires (id, titre, public, moment, questions, actif, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.titre, input.public, input.moment, questions, input.actif ? 1 : 0, at, at);
    return id;
  }

  /** One kiosk answer: every value checked against its question's type; unanswered questions are left out. */
  submit(input: KioskAnswerInput, now: Date): void {
    const questionnaire = this.get(input.questionnaireId);
    if (!questionnaire.actif) throw new AppError('CONFLICT', 'Ce questionnaire n’est plus proposé.');
    const byId = new Map(questionnaire.questions.map((q) => [q.id, q]));
    const kept: Record<string, AnswerValue> = {};
    for (const [id, value] of Object.entries(input.reponses)) {
      const q = byId.get(id);
      if (!q) throw new AppError('VALIDATION', 'Une réponse ne correspond à aucune question : rechargez le questionnaire.');
      if (!validAnswer(q, value)) throw new AppError('VALIDATION', `Réponse invalide à « ${q.libelle} ».`);
      if (typeof value === 'string' && value.trim() === '') continue;
      kept[id] = typeof value === 'string' ? value.trim() : value;
    }
    if (Object.keys(kept).length === 0) throw new AppError('VALIDATION', 'Répondez à au moins une question.');
    const notes = questionnaire.questions.filter((q) => q.type === 'note' && typeof kept[q.id] === 'number').map((q) => kept[q.id] as number);
    const mean = notes.length ? notes.reduce((a, b) => a + b, 0) / notes.length : null;
    const date = toIsoDate(now);
    const at = now.toISOString();
    this.sqlite
      .prepare('insert into reponses_questionnaires (id, questionnaire_id, date, reponses, note_moyenne, created_at) values (?, ?, ?, ?, ?, ?)')
      .run(uuidv7(now.getTime()), questionnaire.id, date, JSON.stringify(kept), mean, at);
    if (mean !== null) {
      this.sqlite
        .prepare("insert into reponses_satisfaction (id, date, public, note, commentaire, created_at) values (?, ?, ?, ?, '', ?)")
        .run(uuidv7(now.getTime()), date, questionnaire.public, Math.round(mean), at);
    }
  }

  results(id: string, from: string, to: string): QuestionnaireResults {
    if (from > to) throw new AppError('VALIDATION', 'La période commence après sa fin.', { du: 'Après la fin.' });
    const questionnaire = this.get(id);
    const rows = this.sqlite
      .prepare('select reponses, note_moyenne from reponses_questionnaires where questionnaire_id = ? and date between ? and ? order by date desc')
      .all(id, from, to) as Array<{ reponses: string; note_moyenne: number | null }>;
    const answers = rows.map((r) => JSON.parse(r.reponses) as Record<string, AnswerValue>);
    const rated = rows.map((r) => r.note_moyenne).filter((n): n is number => n !== null);
    return {
      questionnaire,
      du: from,
      au: to,
      reponses: rows.length,
      noteMoyenne: rated.length ? rated.reduce((a, b) => a + b, 0) / rated.length : null,
      questions: questionnaire.questions.map((q) => {
        const values = answers.map((a) => a[q.id]).filter((v) => v !== undefined);
        const numbers = values.filter((v): v is number => typeof v === 'number');
        const booleans = values.filter((v): v is boolean => typeof v === 'boolean');
        return {
          question: q,
          reponses: values.length,
          moyenne: q.type === 'note' && numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null,
          repartition: q.type === 'note' ? [1, 2, 3, 4, 5].map((n) => numbers.filter((v) => v === n).length) : null,
          partOui: q.type === 'oui_non' && booleans.length ? booleans.filter(Boolean).length / booleans.length : null,
          textes: q.type === 'texte' ? values.filter((v): v is string => typeof v === 'string').slice(0, 50) : [],
        };
      }),
    };
  }
}

function validAnswer(q: Question, value: AnswerValue): boolean {
  if (q.type === 'note') return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
  if (q.type === 'oui_non') return typeof value === 'boolean';
  return typeof value === 'string';
}

function toView(r: Row): QuestionnaireView {
  return { id: r.id, titre: r.titre, public: r.public, moment: r.moment, questions: JSON.parse(r.questions) as Question[], actif: r.actif === 1, nombreReponses: r.n };
}
