import type { ScreenerPoint } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import './ScoreChart.css';

type Instrument = 'phq9' | 'gad7';

const MAX: Record<Instrument, number> = { phq9: 27, gad7: 21 };
/** The published bands' lowest totals (Kroenke 2001; Spitzer 2006), mildest first. */
const BANDS: Record<Instrument, readonly number[]> = { phq9: [0, 5, 10, 15, 20], gad7: [0, 5, 10, 15] };
const WIDTH = 480;
const HEIGHT = 180;
const PAD = { left: 32, right: 12, top: 10, bottom: 24 };

/** One instrument's scores over time: an SVG drawn here, and the same data as a table. */
export function ScoreChart({
  instrument,
  points,
  idPrefix,
}: {
  instrument: Instrument;
  points: readonly ScreenerPoint[];
  idPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { month: 'short', day: 'numeric', year: 'numeric' });
  const max = MAX[instrument];
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const y = (total: number) => PAD.top + plotH - (total / max) * plotH;
  const x = (index: number) => PAD.left + (points.length <= 1 ? plotW / 2 : (index / (points.length - 1)) * plotW);
  const bands = BANDS[instrument];
  const titleId = `${idPrefix}-${instrument}-title`;
  const marksOf = (point: ScreenerPoint) =>
    [
      point.marks.response && t('screeners.marks.response'),
      point.marks.remission && t('screeners.marks.remission'),
      point.marks.reliableImprovement && t('screeners.marks.reliableImprovement'),
      point.marks.reliableDeterioration && t('screeners.marks.reliableDeterioration'),
    ]
      .filter(Boolean)
      .join(', ');

  return (
    <figure className="score-chart">
      <figcaption id={titleId} className="score-chart__title">
        {t(`screeners.instrument.${instrument}`)}
      </figcaption>
      {points.length === 0 ? (
        <p>{t('screeners.none')}</p>
      ) : (
        <>
          <svg className="score-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId}>
            {bands.map((lowest, index) => {
              const highest = index + 1 < bands.length ? bands[index + 1]! : max + 1;
              return (
                <rect
                  key={lowest}
                  className={`score-chart__band score-chart__band--${index}`}
                  x={PAD.left}
                  width={plotW}
                  y={y(Math.min(highest, max))}
                  height={y(lowest) - y(Math.min(highest, max))}
                />
              );
            })}
            {bands.map((lowest) => (
              <text key={lowest} className="score-chart__axis" x={PAD.left - 6} y={y(lowest) + 4} textAnchor="end">
                {lowest}
              </text>
            ))}
            <polyline className="score-chart__line" points={points.map((p, i) => `${x(i)},${y(p.total)}`).join(' ')} />
            {points.map((p, i) => (
              <g key={p.takenAt}>
                <circle
                  className={p.marks.response || p.marks.remission ? 'score-chart__dot score-chart__dot--marked' : 'score-chart__dot'}
                  cx={x(i)}
                  cy={y(p.total)}
                  r={5}
                />
                {(p.marks.response || p.marks.remission || p.marks.reliableImprovement) && (
                  <text className="score-chart__mark" x={x(i)} y={y(p.total) - 9} textAnchor="middle">
                    {[p.marks.response && 'R', p.marks.remission && 'Rm', p.marks.reliableImprovement && '↓'].filter(Boolean).join(' ')}
                  </text>
                )}
                <text className="score-chart__axis" x={x(i)} y={HEIGHT - 6} textAnchor="middle">
                  {new Date(p.takenAt).toLocaleDateString(i18n.language, { month: 'short', day: 'numeric' })}
                </text>
              </g>
            ))}
          </svg>
          <p className="score-chart__legend">{t('screeners.legend')}</p>
          <table className="table score-chart__table">
            <caption>{t('screeners.tableCaption', { instrument: t(`screeners.instrument.${instrument}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('screeners.column.date')}</th>
                <th scope="col">{t('screeners.column.score')}</th>
                <th scope="col">{t('screeners.column.band')}</th>
                <th scope="col">{t('screeners.column.marks')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.takenAt}>
                  <td>{date(p.takenAt)}</td>
                  <td>{t('screeners.score', { total: p.total, max })}</td>
                  <td>{t(`screeners.band.${p.band}`)}</td>
                  <td>{marksOf(p) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
