import { VERDICT_LOOK, type Verdict } from './verdict';

export function VerdictBadge(props: { verdict: Verdict }) {
  const look = VERDICT_LOOK[props.verdict];
  return (
    <span className={`verdict verdict-${props.verdict.toLowerCase()}`} data-verdict={props.verdict}>
      <span className="verdict-mark" aria-hidden="true">
        {look.mark}
      </span>
      {look.label}
    </span>
  );
}
