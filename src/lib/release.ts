import { longDate } from './dates.ts';
/**
 * Release management for termly reports, as official statistics do it: when each report was
 * published, when the next is due, which report is the latest, which are provisional, and the
 * updates (corrections) made since publication, with the figures they revised. Pure: the
 * configuration, the terms, the terms that have a report and the recorded updates come in.
 */
import type { Term } from './data/terms.ts';
import type { ReportsSchedule } from './schemas/partnership.ts';

/** One update to a published report (content/report-updates/<term>.yaml). */
export interface ReportUpdate {
  /** Day the update was made, YYYY-MM-DD. */
  date: string;
  /** What changed, in a sentence. */
  changed: string;
  /** Why it changed, in a sentence. */
  reason: string;
  /** The figures it revised, named as in the report's figures.csv. */
  revised: RevisedFigure[];
}

/** A figure named as in figures.csv (columns section, group, measure). */
export interface RevisedFigure {
  section: string;
  group: string;
  measure: string;
}

/** A published report's place in the release calendar. */
export interface Release {
  term: Term;
  /** Publication date, YYYY-MM-DD. */
  published: string;
  /** True for the newest report. */
  latest: boolean;
  /** True while the term's data are not final. */
  provisional: boolean;
  /** Updates since publication, oldest first. */
  updates: ReportUpdate[];
}

/** A report not yet published, with the date it is due. */
export interface Upcoming {
  term: Term;
  /** Due date, YYYY-MM-DD. */
  due: string;
}

export interface ReleaseCalendar {
  /** Published reports, latest first. */
  releases: Release[];
  /** The newest report, if any. */
  latest?: Release;
  /** Configured terms after the latest report, soonest first. */
  upcoming: Upcoming[];
  /** The next report due, if its term is configured. */
  nextDue?: Upcoming;
}

/** YYYY-MM-DD plus a number of days (calendar arithmetic in UTC, so the result never depends on the machine's time zone). */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "1 September 2026" from YYYY-MM-DD, in UTC: the one date formatter (src/lib/dates.ts). */
export const formatLongDate = longDate;

/** The day a term's report is (or was) published: its own date if configured, else the end of term plus the lag. */
export function publicationDate(term: Pick<Term, 'id' | 'end'>, schedule: ReportsSchedule): string {
  return schedule.published[term.id] ?? addDays(term.end, schedule.publicationLagDays);
}

/**
 * The release calendar: every published report with its date, status and updates, and the
 * reports still to come. `reported` lists the ids of the terms that have a report.
 */
export function releaseCalendar(input: {
  terms: readonly Term[];
  reported: Iterable<string>;
  schedule: ReportsSchedule;
  updates?: ReadonlyMap<string, readonly ReportUpdate[]>;
}): ReleaseCalendar {
  const reported = new Set(input.reported);
  const published = input.terms.filter((t) => reported.has(t.id)).sort((a, b) => b.index - a.index);
  const newest = published[0];
  const releases = published.map<Release>((term) => ({
    term,
    published: publicationDate(term, input.schedule),
    latest: term === newest,
    provisional: input.schedule.provisional.includes(term.id),
    updates: [...(input.updates?.get(term.id) ?? [])].sort((a, b) => a.date.localeCompare(b.date)),
  }));
  const upcoming = input.terms
    .filter((t) => !reported.has(t.id) && (newest === undefined || t.index > newest.index))
    .sort((a, b) => a.index - b.index)
    .map((term) => ({ term, due: publicationDate(term, input.schedule) }));
  return { releases, latest: releases[0], upcoming, nextDue: upcoming[0] };
}

/** The release of one term, or undefined when the term has no report. */
export function releaseOf(calendar: ReleaseCalendar, termId: string): Release | undefined {
  return calendar.releases.find((r) => r.term.id === termId);
}

/** Section, group and measure compared as a reader would: case and surrounding spaces ignored. */
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The update that last revised a figure, among one report's updates, or undefined if none did. */
export function revisionOf(updates: readonly ReportUpdate[], section: string, group: string, measure: string): ReportUpdate | undefined {
  return updates.findLast((u) => u.revised.some((f) => sameName(f.section, section) && sameName(f.group, group) && sameName(f.measure, measure)));
}

/**
 * The updates of a report in the shape a download's metadata records them (oldest first):
 * date, what changed, why, and the figures revised, named as in figures.csv.
 */
export function updatesForMetadata(updates: readonly ReportUpdate[]): { date: string; changed: string; reason: string; revised: RevisedFigure[] }[] {
  return [...updates].sort((a, b) => a.date.localeCompare(b.date)).map((u) => ({ date: u.date, changed: u.changed, reason: u.reason, revised: u.revised.map((f) => ({ ...f })) }));
}
