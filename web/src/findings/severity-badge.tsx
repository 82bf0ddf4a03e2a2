import type { Severity } from './severity';

const MARK: Readonly<Record<Severity, string>> = { CRITICAL: '‼', HIGH: '!', MEDIUM: '▲', LOW: '▽', INFO: 'i' };

/** A severity as text with a mark: colour is never the only carrier. */
export function SeverityBadge(props: { severity: Severity }) {
  return (
    <span className={`severity severity-${props.severity.toLowerCase()}`}>
      <span aria-hidden="true">{MARK[props.severity]}</span> {props.severity}
    </span>
  );
}
