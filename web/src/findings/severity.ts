/** Worst first, as the API ranks them. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'] as const;

export type Severity = (typeof SEVERITIES)[number];

export function isSeverity(value: string | null): value is Severity {
  return value !== null && (SEVERITIES as readonly string[]).includes(value);
}
