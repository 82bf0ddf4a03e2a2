/** The API's HopVerdict, worst first. */
export const VERDICTS = ['UNLAWFUL', 'UNDETERMINED', 'LAWFUL_WITH_GAPS', 'LAWFUL'] as const;

export type Verdict = (typeof VERDICTS)[number];

/** How a verdict is shown: a word and a mark beside the colour, so that colour never carries it alone. */
export const VERDICT_LOOK: Readonly<Record<Verdict, { label: string; mark: string }>> = {
  UNLAWFUL: { label: 'Unlawful', mark: '✕' },
  UNDETERMINED: { label: 'Undetermined', mark: '?' },
  LAWFUL_WITH_GAPS: { label: 'Lawful with gaps', mark: '!' },
  LAWFUL: { label: 'Lawful', mark: '✓' },
};
