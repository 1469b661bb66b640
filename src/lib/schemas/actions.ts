import { z } from 'astro/zod';
import { IsoDateSchema, SlugSchema, StageSchema, TextSchema } from './common.ts';

/** The statuses an action moves through. "dropped" needs a reason. */
export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export const ActionStatusSchema = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

/** Each status in words, for readers. */
export const STATUS_LABELS: Record<ActionStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** Statuses after which an action is closed: it can no longer be overdue. */
export const CLOSED_STATUSES: readonly ActionStatus[] = ['done', 'dropped'];

/**
 * The sections of a termly report an action can come from: the ids of the report page's
 * headings (/reports/<year>/<term>/#<section>).
 */
export const REPORT_SECTIONS = ['headline', 'trend', 'grades', 'by-type', 'by-locality', 'by-level', 'timeliness', 'standards', 'moderation', 'families', 'complaints'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** Each report section in words, as its heading reads on the report page. */
export const REPORT_SECTION_LABELS: Record<ReportSection, string> = {
  headline: 'Headline',
  trend: 'Three-year trend',
  grades: 'Grades',
  'by-type': 'Grades by type of audit',
  'by-locality': 'Grades by locality',
  'by-level': 'Grades by level of audit',
  timeliness: 'Timeliness',
  standards: 'Practice standards most often not met',
  moderation: 'Moderation',
  families: 'What families told us',
  complaints: 'Compliments and complaints',
};

/** One change of status, with the day it happened. */
export const StatusChangeSchema = z
  .object({
    /** The new status: planned, in-progress, done or dropped. Required. */
    status: ActionStatusSchema,
    /** The day the status changed, YYYY-MM-DD; never in the future. Required. */
    on: IsoDateSchema.optional(),
    /** What happened, in plain English, e.g. what was done. Optional. */
    note: TextSchema.optional(),
    /** Why the action was dropped, in plain English. Required when status is dropped, and only then. */
    reason: TextSchema.optional(),
  })
  .strict();
export type StatusChange = z.infer<typeof StatusChangeSchema>;

/**
 * Where an action comes from: at least one of a standard, a report (its term, and optionally a
 * section), a family feedback theme or a complaint theme.
 */
export const ActionSourceSchema = z
  .object({
    /** A standard id, e.g. "ehc-plan-2". Optional. */
    standard: SlugSchema.optional(),
    /** The term of the report the finding comes from, e.g. "2024-25-autumn". Optional. */
    term: SlugSchema.optional(),
    /** The section of that term's report, e.g. "standards". Optional; needs term. */
    section: z.enum(REPORT_SECTIONS).optional(),
    /** A family feedback theme id from data/partnership.yaml (feedbackThemes), e.g. "communication". Optional. */
    feedbackTheme: SlugSchema.optional(),
    /** A compliments and complaints theme id from data/partnership.yaml (complaintThemes), e.g. "transport". Optional. */
    complaintTheme: SlugSchema.optional(),
  })
  .strict();
export type ActionSource = z.infer<typeof ActionSourceSchema>;

/** One action: what was found or heard, what was agreed, who owns it, when it is due and what happened. */
export const ActionSchema = z
  .object({
    /** A stable id, unique in the log, used in links (/actions/#<id>). Required. */
    id: SlugSchema,
    /** What was found or heard that led to the action: a standard, report, feedback or complaint theme. Required. */
    from: ActionSourceSchema,
    /** The stage of the SEND journey the action is about, for the stage filter. Optional. */
    stage: StageSchema.optional(),
    /** What was found or heard, in plain English for families ("You told us…", "Audits found…"). Required. */
    found: TextSchema,
    /** What was agreed, in plain English. Required. */
    agreed: TextSchema,
    /** The team or role that owns the action, never a person's name or email, e.g. "SEND statutory assessment team". Required. */
    owner: TextSchema,
    /** The day the action should be done by, YYYY-MM-DD. Required. */
    due: IsoDateSchema,
    /** Every change of status, oldest first, each with its date: the first is usually planned. At least one. */
    history: z.array(StatusChangeSchema).min(1, { message: 'must list at least one status, such as "- { status: planned, on: 2024-01-15 }"' }),
  })
  .strict();
export type Action = z.infer<typeof ActionSchema>;

/** The actions log, data/actions.yaml. */
export const ActionsLogSchema = z
  .object({
    /** Every action, in any order; pages sort them. */
    actions: z.array(ActionSchema),
  })
  .strict();
export type ActionsLog = z.infer<typeof ActionsLogSchema>;
