/** Zod schemas of the checked records, so the content layer can type them (the checking itself is in read-dataset.ts). */
import { z } from 'astro/zod';

const where = { file: z.string(), line: z.number() };
const yesNo = z.enum(['yes', 'no']);
const yesNoNa = z.enum(['yes', 'no', 'n/a']);

export const AuditRecordSchema = z.object({
  ...where,
  audit_ref: z.string(),
  completed_on: z.string(),
  audit_type: z.string(),
  level: z.string(),
  locality: z.string(),
  grade: z.string(),
  timely: yesNoNa,
  standards_not_met: z.array(z.string()),
  moderated: yesNo,
});

export const FeedbackRecordSchema = z.object({
  ...where,
  feedback_ref: z.string(),
  received_on: z.string(),
  stage: z.enum(['sen-support', 'ehc-needs-assessment', 'ehc-plan', 'annual-review', 'all']),
  rating: z.number().int().min(1).max(5),
  theme: z.string(),
});

export const ComplaintRecordSchema = z.object({
  ...where,
  ref: z.string(),
  received_on: z.string(),
  kind: z.enum(['compliment', 'complaint']),
  theme: z.string(),
  upheld: yesNoNa,
});
