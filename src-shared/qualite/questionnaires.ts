/** Satisfaction questionnaires (issue 8 §3): their questions, the kiosk's answers, and results by period. */
export const QUESTION_TYPES = { note: 'Note de 1 à 5', oui_non: 'Oui / non', texte: 'Réponse libre' } as const;
export type QuestionType = keyof typeof QUESTION_TYPES;

export const MOMENTS = { bilan: 'Au bilan', sortie: 'À la sortie', annuel: 'Une fois par an', libre: 'Quand on veut' } as const;
export type Moment = keyof typeof MOMENTS;

export interface Question {
  id: string;
  libelle: string;
  type: QuestionType;
}

export interface QuestionnaireView {
  id: string;
  titre: string;
  public: 'salarie' | 'client';
  moment: Moment;
  questions: Question[];
  actif: boolean;
  nombreReponses: number;
}

export type AnswerValue = number | boolean | string;

export interface QuestionResult {
  question: Question;
  reponses: number;
  /** note: mean and how many gave 1, 2, 3, 4, 5; oui_non: share of yes; texte: the latest answers. */
  moyenne: number | null;
  repartition: number[] | null;
  partOui: number | null;
  textes: string[];
}

export interface QuestionnaireResults {
  questionnaire: QuestionnaireView;
  du: string;
  au: string;
  reponses: number;
  noteMoyenne: number | null;
  questions: QuestionResult[];
}
