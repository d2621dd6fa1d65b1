// The two standard screeners asked at intake and every few weeks after: the PHQ-9 (depression)
// and the GAD-7 (anxiety), both in the public domain (Spitzer, Williams, Kroenke et al.; no
// permission needed to reproduce). The wording is the published English form, kept as data so the
// web can show it and translations can sit beside it without touching the scoring.

export type Instrument = 'phq9' | 'gad7';

/** Every item is answered on the same four-point frequency scale, scored 0–3. */
export const ANSWER_LABELS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'] as const;
export type AnswerScore = 0 | 1 | 2 | 3;

export const SCREENER_STEM = 'Over the last 2 weeks, how often have you been bothered by any of the following problems?';

export const PHQ9_ITEMS = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
  'Thoughts that you would be better off dead or of hurting yourself in some way',
] as const;

/** Asked after the nine items on the published form; it describes impact and is not scored. */
export const PHQ9_DIFFICULTY_QUESTION =
  'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?';
export const PHQ9_DIFFICULTY_LABELS = ['Not difficult at all', 'Somewhat difficult', 'Very difficult', 'Extremely difficult'] as const;

export const GAD7_ITEMS = [
  'Feeling nervous, anxious, or on edge',
  'Not being able to stop or control worrying',
  'Worrying too much about different things',
  'Trouble relaxing',
  'Being so restless that it is hard to sit still',
  'Becoming easily annoyed or irritable',
  'Feeling afraid, as if something awful might happen',
] as const;

export const ITEM_COUNT: Record<Instrument, number> = { phq9: PHQ9_ITEMS.length, gad7: GAD7_ITEMS.length };
export const MAX_TOTAL: Record<Instrument, number> = { phq9: 27, gad7: 21 };
