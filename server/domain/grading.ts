/**
 * Source and information grading, as police intelligence is graded (the Admiralty / NATO system used by
 * Indian and Commonwealth forces): the reliability of the source (A–F) and the credibility of the
 * information (1–6), so an analyst can weigh a link by where it came from.
 */
import { z } from 'zod';

export const SOURCE_RELIABILITY = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
} as const;

export const INFORMATION_CREDIBILITY = {
  '1': 'confirmed by other sources',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'truth cannot be judged',
} as const;

export const gradingSchema = z
  .object({
    source: z.enum(Object.keys(SOURCE_RELIABILITY) as [keyof typeof SOURCE_RELIABILITY]),
    information: z.enum(Object.keys(INFORMATION_CREDIBILITY) as [keyof typeof INFORMATION_CREDIBILITY]),
  })
  .strict()
  .meta({
    id: 'Grading',
    description:
      'Reliability of the source (A completely reliable … F cannot be judged) and credibility of the information (1 confirmed … 6 cannot be judged).',
  });
export type Grading = z.infer<typeof gradingSchema>;

/** A record with no grading given is graded as what it is: nobody judged it. */
export const UNGRADED: Grading = { source: 'F', information: '6' };
