import type { ScreenerHistory } from '@haven/contract';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyScreeners, useRescreen } from '../../api/screeners.ts';
import { Alert, Button, Card, RadioGroup, type Choice } from '../../ui/index.ts';
import { CrisisResources } from '../crisis/CrisisResources.tsx';
import { ScoreChart } from './ScoreChart.tsx';

type Score = 0 | 1 | 2 | 3;
const scores: readonly Score[] = [0, 1, 2, 3];
const phq9Numbers = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
const gad7Numbers = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * The client's check-in: offered when a re-screen is due (on their home page and in the room),
 * crisis resources at once after an item-9 answer above 0, and a kind word about fit when scores
 * have not moved. `compact` is the room's entry: a link to the check-in on the home page.
 */
export function CheckIn({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const history = useMyScreeners();
  const [open, setOpen] = useState(false);
  const [answeredNow, setAnsweredNow] = useState(false);
  const data = history.data;
  if (!data) return null;

  if (compact) {
    return data.due ? (
      <section className="room__panel" aria-labelledby="room-checkin-heading">
        <h2 id="room-checkin-heading" className="room__panel-heading">
          {t('screeners.checkIn.title')}
        </h2>
        <p>{t('screeners.checkIn.body')}</p>
        <Link to="/care#check-in">{t('screeners.checkIn.start')}</Link>
      </section>
    ) : null;
  }

  return (
    <>
      {answeredNow && data.showCrisisResources && <CrisisResources urgent />}
      {answeredNow && <Alert tone="success">{t('screeners.checkIn.thanks')}</Alert>}
      {data.due && (
        <Card title={t('screeners.checkIn.title')} headingId="check-in">
          {open ? (
            <CheckInForm
              onDone={() => {
                setOpen(false);
                setAnsweredNow(true);
              }}
            />
          ) : (
            <>
              <p>{t('screeners.checkIn.body')}</p>
              <Button onClick={() => setOpen(true)}>{t('screeners.checkIn.start')}</Button>
            </>
          )}
        </Card>
      )}
      {data.suggestFitConversation && (
        <Card title={t('screeners.fit.clientTitle')}>
          <p>{t('screeners.fit.clientBody')}</p>
          <a href="#care-switch-heading">{t('screeners.fit.clientSwitch')}</a>
        </Card>
      )}
      <Progress history={data} />
    </>
  );
}

function Progress({ history }: { history: ScreenerHistory }) {
  const { t } = useTranslation();
  if (history.phq9.length === 0 && history.gad7.length === 0) return null;
  return (
    <section className="care__section" aria-labelledby="my-progress-heading">
      <h2 id="my-progress-heading">{t('screeners.progress.clientHeading')}</h2>
      <p>{t('screeners.progress.clientLead')}</p>
      <ScoreChart instrument="phq9" points={history.phq9} idPrefix="mine" />
      <ScoreChart instrument="gad7" points={history.gad7} idPrefix="mine" />
    </section>
  );
}

function CheckInForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const rescreen = useRescreen();
  const [phq9, setPhq9] = useState<(Score | null)[]>(phq9Numbers.map(() => null));
  const [gad7, setGad7] = useState<(Score | null)[]>(gad7Numbers.map(() => null));
  const [difficulty, setDifficulty] = useState<Score | null>(null);
  const [missing, setMissing] = useState(false);
  const choices = scores.map((score): Choice<Score> => ({ value: score, label: t(`intake.screener.answer.${score}`) }));
  const difficultyChoices = scores.map((score): Choice<Score> => ({ value: score, label: t(`intake.phq9.difficultyAnswer.${score}`) }));
  const anyProblem = phq9.some((a) => a !== null && a > 0);

  function submit(event: FormEvent) {
    event.preventDefault();
    const complete = phq9.every((a) => a !== null) && gad7.every((a) => a !== null) && (!anyProblem || difficulty !== null);
    setMissing(!complete);
    if (!complete) return;
    rescreen.mutate({ phq9: { items: phq9, difficulty: anyProblem ? difficulty : null }, gad7: { items: gad7 } }, { onSuccess: onDone });
  }

  const set = (list: (Score | null)[], index: number, score: Score) => list.map((a, i) => (i === index ? score : a));
  return (
    <form className="form" noValidate onSubmit={submit}>
      <p className="screener__stem">{t('intake.screener.stem')}</p>
      <h3>{t('intake.phq9.heading')}</h3>
      <ol className="screener">
        {phq9Numbers.map((number, index) => (
          <li key={number} className="screener__item">
            <RadioGroup
              id={`checkin-phq9-${number}`}
              legend={t('intake.screener.item', { number, text: t(`intake.phq9.items.${number}`) })}
              choices={choices}
              value={phq9[index] ?? null}
              onChange={(score) => setPhq9((was) => set(was, index, score))}
              inline
            />
          </li>
        ))}
      </ol>
      {anyProblem && (
        <RadioGroup
          id="checkin-phq9-difficulty"
          legend={t('intake.phq9.difficulty')}
          choices={difficultyChoices}
          value={difficulty}
          onChange={setDifficulty}
        />
      )}
      <h3>{t('intake.gad7.heading')}</h3>
      <ol className="screener">
        {gad7Numbers.map((number, index) => (
          <li key={number} className="screener__item">
            <RadioGroup
              id={`checkin-gad7-${number}`}
              legend={t('intake.screener.item', { number, text: t(`intake.gad7.items.${number}`) })}
              choices={choices}
              value={gad7[index] ?? null}
              onChange={(score) => setGad7((was) => set(was, index, score))}
              inline
            />
          </li>
        ))}
      </ol>
      {missing && <Alert tone="error">{t('screeners.checkIn.missing')}</Alert>}
      {rescreen.isError && <Alert tone="error">{t('screeners.checkIn.failed')}</Alert>}
      <Button type="submit" disabled={rescreen.isPending}>
        {t('screeners.checkIn.submit')}
      </Button>
    </form>
  );
}
