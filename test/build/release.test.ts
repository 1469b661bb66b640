import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAll } from '../../src/lib/data/load';
import { formatProblems } from '../../src/lib/problems';
import { reportUpdatesForMetadata } from '../../src/lib/report-updates';
import { figureRowsOf } from '../helpers/figures-csv';
import { ROOT, lineOf, projectCopy } from '../helpers/project-copy';

/** The environment a build gets in a terminal or CI, without what the test runner adds (such as BASE_URL). */
const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...cleanEnv } = process.env;
const astroBuild = (dir: string) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: dir, encoding: 'utf8', env: { ...cleanEnv, ASTRO_TELEMETRY_DISABLED: '1' } });

const CORRECTION = `# Corrections to the summer term 2024/25 report, oldest first.
- date: 2025-11-03
  changed: The number of audits in Coast went from 38 to 40.
  reason: Two audits had been recorded under the wrong locality.
  revised:
    - { section: Grades by locality, group: Coast, measure: Total }
`;

describe('a correction to a published report', () => {
  const copy = projectCopy({ site: true });
  let built: ReturnType<typeof astroBuild>;
  beforeAll(() => {
    mkdirSync(join(copy.dir, 'content/report-updates'), { recursive: true });
    copy.write('content/report-updates/2024-25-summer.yaml', CORRECTION);
    // Six weeks from the end of term, whatever the example's own schedule.
    copy.edit('data/partnership.yaml', /publicationLagDays: \d+/, 'publicationLagDays: 42');
    copy.edit('data/partnership.yaml', /provisional: \[\]/, 'provisional: [2025-26-summer]');
    built = astroBuild(copy.dir);
  }, 180_000);
  afterAll(() => copy.remove());
  const html = (rel: string) => parse(readFileSync(join(copy.dir, 'dist', rel), 'utf8'));

  it('builds', () => expect(built.status, built.stdout + built.stderr).toBe(0));

  it('is listed under "Updates to this report", with the figure it revised, and dates the report as updated', () => {
    const page = html('reports/2024-25/summer/index.html');
    const updates = page.querySelector('#updates')!.closest('section')!;
    expect(updates.text).toContain('3 November 2025: The number of audits in Coast went from 38 to 40. Two audits had been recorded under the wrong locality.');
    expect(updates.text).toContain('Grades by locality: Coast, Total');
    expect(page.querySelector('.sq-release__dates')!.text).toMatch(/Published\s*12 October 2025\s*Last updated\s*3 November 2025/);
  });

  it('says an older report is not the latest and links to the latest, which is marked latest and provisional', () => {
    const old = html('reports/2024-25/summer/index.html');
    expect(old.querySelector('.sq-release__superseded')!.text).toContain('This is not the latest report.');
    expect(old.querySelector('.sq-release__superseded a')!.getAttribute('href')).toBe('/reports/2025-26/summer/');
    const latest = html('reports/2025-26/summer/index.html');
    expect(latest.querySelector('.sq-release__superseded')).toBeNull();
    expect(latest.querySelector('.sq-release__status')!.text).toContain('Latest report');
    expect(latest.querySelector('.sq-release__provisional')!.text).toContain('Provisional');
    expect(latest.querySelector('.sq-release__dates')!.text).toMatch(/Next report due\s*11 February 2027 \(Autumn term 2026\/27\)/);
    expect(latest.querySelector('#updates')!.closest('section')!.text).toContain('None since it was published.');
  });

  it('appears in the RSS feed as an item of its own, linking to the update', () => {
    const feed = new XMLParser().parse(readFileSync(join(copy.dir, 'dist/rss.xml'), 'utf8'));
    const items = feed.rss.channel.item as { title: string; link: string; description: string; pubDate: string }[];
    const item = items.find((i) => i.title === 'Updated: Quality report: Summer term 2024/25')!;
    expect(item.link).toMatch(/\/reports\/2024-25\/summer\/#update-1$/);
    expect(item.description).toContain('The number of audits in Coast went from 38 to 40.');
    expect(item.description).toContain('Figures revised: Grades by locality: Coast, Total.');
    expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe('2025-11-03');
    expect(items.find((i) => i.title === 'Quality report: Summer term 2025/26 (provisional)')).toBeDefined();
  });

  it('is what the download’s metadata gets', () => {
    expect(reportUpdatesForMetadata('2024-25-summer', copy.dir)).toEqual([
      {
        date: '2025-11-03',
        changed: 'The number of audits in Coast went from 38 to 40.',
        reason: 'Two audits had been recorded under the wrong locality.',
        revised: [{ section: 'Grades by locality', group: 'Coast', measure: 'Total' }],
      },
    ]);
    expect(reportUpdatesForMetadata('2024-25-spring', copy.dir)).toEqual([]);
  });

  it('is in the downloads: the figure is flagged revised and the metadata lists the update', () => {
    const csv = figureRowsOf(readFileSync(join(copy.dir, 'dist/reports/2024-25/summer/figures.csv'), 'utf8'));
    expect(csv.filter((r) => r.revised).map((r) => [r.section, r.group, r.measure])).toEqual([['Grades by locality', 'Coast', 'Total']]);
    const all = figureRowsOf(readFileSync(join(copy.dir, 'dist/reports/figures-all-terms.csv'), 'utf8'));
    // With the example's own correction to the spring term 2025/26 (content/report-updates/2025-26-spring.yaml).
    expect(all.filter((r) => r.revised).map((r) => [r.term_id, r.section_id, r.group_id, r.measure_id])).toEqual([
      ['2024-25-summer', 'by-locality', 'coast', 'total'],
      ['2025-26-spring', 'by-locality', 'south', 'total'],
      ['2025-26-spring', 'by-locality', 'south', 'share-good-or-better'],
    ]);
    const pkg = JSON.parse(readFileSync(join(copy.dir, 'dist/reports/datapackage.json'), 'utf8')) as { resources: { name: string; updates?: unknown[]; published?: string; provisional?: boolean }[] };
    const summer = pkg.resources.find((r) => r.name === 'figures-2024-25-summer')!;
    expect(summer.published).toBe('2025-10-12');
    expect(summer.updates).toEqual(reportUpdatesForMetadata('2024-25-summer', copy.dir));
    expect(pkg.resources.find((r) => r.name === 'figures-2025-26-summer')!.provisional).toBe(true);
  });

  it('lists the upcoming reports with their due dates on /reports/', () => {
    const index = html('reports/index.html');
    expect(index.querySelector('.sq-upcoming')!.text).toContain('Autumn term 2026/27: due 11 February 2027');
  });
});

describe('a correction with mistakes', () => {
  const copy = projectCopy({ site: true });
  afterAll(() => copy.remove());

  it('stops the build, saying where each mistake is and how to fix it', () => {
    copy.edit('data/partnership.yaml', /publicationLagDays: \d+/, 'publicationLagDays: 42');
    mkdirSync(join(copy.dir, 'content/report-updates'), { recursive: true });
    const text = CORRECTION.replace('2025-11-03', '2025-09-03').replace('  reason: Two audits had been recorded under the wrong locality.\n', '');
    copy.write('content/report-updates/2024-25-summer.yaml', text);
    copy.write('content/report-updates/2031-32-autumn.yaml', CORRECTION);
    const out = astroBuild(copy.dir);
    expect(out.status).not.toBe(0);
    const log = out.stdout + out.stderr;
    expect(log).toContain(`content/report-updates/2024-25-summer.yaml:${lineOf(text, '- date:')}:3  [0].reason: this required field is missing.`);
    expect(log).toContain('content/report-updates/2031-32-autumn.yaml:1:1  the file name says the term is "2031-32-autumn", which is not a term in data/partnership.yaml');
    // The date is checked once the file's fields are right.
    copy.write('content/report-updates/2024-25-summer.yaml', CORRECTION.replace('2025-11-03', '2025-09-03'));
    copy.write('content/report-updates/2031-32-autumn.yaml', '');
    const again = astroBuild(copy.dir);
    expect(again.stdout + again.stderr).toContain(
      `content/report-updates/2024-25-summer.yaml:${lineOf(CORRECTION, '- date:')}:9  [0].date: found 2025-09-03, before the report was published on 2025-10-12. Expected a date on or after 2025-10-12.`,
    );
  }, 120_000);

  it('names a revised figure that is not in the report, and a correction to a term with no report', async () => {
    copy.write('content/report-updates/2024-25-summer.yaml', CORRECTION.replace('group: Coast, measure: Total', 'group: Coastal, measure: Total'));
    copy.write('content/report-updates/2026-27-autumn.yaml', CORRECTION.replace('2025-11-03', '2027-03-01'));
    rmSync(join(copy.dir, 'content/report-updates/2031-32-autumn.yaml'));
    const { problems } = await checkAll(copy.dir);
    const text = formatProblems(problems);
    expect(text).toContain(
      `content/report-updates/2024-25-summer.yaml:${lineOf(CORRECTION, '- { section')}:7  [0].revised[0]: found { section: Grades by locality, group: Coastal, measure: Total }, which is not a figure of this report. Expected a group and measure of "Grades by locality", such as North, Outstanding;`,
    );
    expect(text).toContain('content/report-updates/2026-27-autumn.yaml:1:1  there is no report for 2026-27-autumn: its term has no data.');
    expect(problems).toHaveLength(2);
  });
});
