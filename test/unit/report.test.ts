import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src/shared/contract';
import type { LiftTable } from '../../src/shared/metrics/lift';
import type { ChurnRunReport } from '../../src/shared/models';
import type { RunInfo } from '../../src/shared/runs';
import type { CampaignSimulateResult } from '../../src/shared/campaignSimulation';
import type { ExportResult } from '../../src/shared/export';
import type { ReadbackReport } from '../../src/shared/readback';
import type { ValidationReport } from '../../src/shared/validation';
import { harness, type Harness } from '../helpers';

type Written = Result<'report.write'>;

let h: Harness;
let project: string;
/** The same data imported, nothing else: no segments, no runs, no list. */
let bare: string;
let out: string;
let full: Written;
let html: string;
let readback: ReadbackReport;

const TITLES_KO = ['개요', '세그먼트와 등급 이동', '모델 품질', '검증', '캠페인 목록 요약', '캠페인 성과 측정'];
const SECTION_IDS = ['overview', 'segments', 'models', 'validation', 'list', 'readback'];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

beforeAll(async () => {
  h = harness();
  const data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, customers: 1500, seed: 21 });
  project = join(h.root, 'p');
  bare = join(h.root, 'bare');
  for (const p of [project, bare]) {
    await h.call('project.create', { project: p });
    await h.call('data.importLpoint', { project: p, folder: data });
  }
  await h.call('segments.compute', { project });
  const churn = await h.call<ChurnRunReport>('models.trainChurn', { project, models: ['gbdt', 'logistic', 'tierRule'], seed: 3 });
  await h.call('models.scoreChurn', { project, runId: churn.run.id, model: 'gbdt' });
  await h.call('models.trainRecommend', { project, models: ['popularity', 'itemknn'], seed: 3, k: 5 });
  await h.call('validation.run', { project, seed: 4, recommendModels: ['popularity', 'itemknn'], churnModels: ['gbdt', 'logistic'] });
  out = join(h.root, 'reports');
  mkdirSync(out);
  const list = await h.call<ExportResult>('export.write', { project, out: join(out, '캠페인 목록.csv'), topN: 600, seed: 5 });
  // The campaign on that list: simulated contacts and the following weeks' purchases, appended, then read back.
  const sim = await h.call<CampaignSimulateResult>('campaign.simulate', { project, list: list.path, out: join(h.root, 'campaign'), uplift: 0.1, seed: 6 });
  await h.call('data.importLpoint', { project, folder: join(h.root, 'campaign'), append: true });
  readback = await h.call<ReadbackReport>('readback.run', { project, list: list.path, contacts: sim.contacts, window: 30 });
  full = await h.call<Written>('report.write', { project, outDir: out, names: { html: '회의 리포트.html', deck: '회의 리포트.pptx' } });
  html = readFileSync(full.html, 'utf8');
}, 300_000);
afterAll(() => h?.close());

/** The text of the HTML between tags, entities undone (what a reader sees). */
const textOf = (fragment: string) =>
  fragment
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
const sectionsOf = (page: string) => [...page.matchAll(/<section id="([a-z]+)">([\s\S]*?)<\/section>/g)].map((m) => ({ id: m[1], body: m[2] }));
/** Each chart's title and takeaway, in order, as the HTML shows them. */
const figuresOf = (page: string) =>
  [...page.matchAll(/<figure class="chart" id="([^"]+)" aria-label="([^"]*)">[\s\S]*?<figcaption>([\s\S]*?)<\/figcaption>/g)].map((m) => ({
    id: m[1],
    title: textOf(m[2]),
    takeaway: textOf(m[3]),
  }));
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const refusal = (call: Promise<unknown>) => call.then(() => null, (e: unknown) => e as { code: string; issues?: { key?: string }[] });

describe('the meeting report (HTML)', () => {
  it('has every section, each with its charts as inline SVG and their takeaways, and opens offline', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<html lang="ko">');
    const headings = [...html.matchAll(/<h2>([\s\S]*?)<\/h2>/g)].map((m) => textOf(m[1]));
    expect(headings).toEqual(TITLES_KO);
    expect(full.sections.map((s) => s.title)).toEqual(TITLES_KO);
    const sections = sectionsOf(html);
    expect(sections.map((s) => s.id)).toEqual(SECTION_IDS);
    for (const [i, s] of sections.entries()) {
      const svgs = s.body.match(/<svg[\s>]/g) ?? [];
      expect(full.sections[i].charts).toBeGreaterThan(0);
      expect(svgs.length).toBe(full.sections[i].charts);
      expect(s.body.match(/<\/svg>/g)?.length).toBe(svgs.length);
      expect(full.sections[i].missing).toBe(false);
    }
    // Balanced enough for any browser: every section, figure and table closed.
    for (const tag of ['section', 'figure', 'table', 'figcaption']) expect(html.split(`<${tag}`).length).toBe(html.split(`</${tag}>`).length);
    // Nothing fetched: no script, no remote src/href, no external stylesheet; the CSS is inline.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).toContain('<style>');
    // Header: title, project, data fingerprint.
    expect(html).toContain('캠페인 워크벤치 리포트');
    expect(html).toContain(project);
    expect(html).toMatch(/데이터 지문<\/dt><dd>[0-9a-f]{16}<\/dd>/);
  });

  it('computes each takeaway from the numbers: the churn gains, the list\'s control group, ko-KR figures', async () => {
    const churnRuns = await h.call<RunInfo[]>('runs.list', { project, kind: 'churn' });
    const validation = (await h.call<RunInfo[]>('runs.list', { project, kind: 'validation' }))[0].metrics as unknown as ValidationReport;
    // The analyst's churn run, not the one the validation trained for itself.
    const analyst = churnRuns.find((r) => r.runId !== validation.churn.trainRun)!;
    const report = analyst.metrics as unknown as ChurnRunReport;
    const gbdt = report.models.gbdt!;
    if (!gbdt.applies) throw new Error('GBDT should apply to binary churn');
    const lift = gbdt.details.lift as LiftTable;
    const top = lift.rows[0];
    const pct = (share: number) => `${(100 * share).toFixed(1)}%`;
    const figures = figuresOf(html);
    const gains = figures.find((f) => f.id === 'churn-lift')!;
    expect(gains.takeaway).toBe(`상위 ${pct(top.customers / lift.customers)} 고객에게 연락하면 이탈자의 ${pct(top.cumulativeGain)}에 닿습니다(무작위 대비 ${top.lift.toFixed(1)}배).`);
    expect(html).toContain(analyst.runId);
    // Validation's gains from its best model's first decile.
    const best = validation.churn.models.find((m) => m.model === validation.churn.best)!;
    expect(figures.find((f) => f.id === 'validation-gains')!.takeaway).toContain(`실제 이탈자의 ${pct(best.deciles[0].gain)}에 닿습니다`);
    // The list: 600 customers, read back from the file, control per decile.
    const listed = figures.find((f) => f.id === 'list-deciles')!;
    expect(listed.takeaway).toBe('목록 600명 중 60명(10.0%)은 위험 십분위마다 같은 비율로 뽑은 대조군으로, 연락하지 않습니다.');
    // The read-back: the purchase rate's uplift in points with its interval, as the latest read-back run computed it.
    const bought = readback.outcomes.find((o) => o.outcome === 'bought')!;
    const series = figures.find((f) => f.id === 'readback-series')!;
    const points = (share: number) => (100 * share).toFixed(1);
    if (bought.significant) {
      expect(series.takeaway).toBe(
        `발송 고객의 구매율이 대조군보다 ${points(Math.abs(bought.uplift))}%p ${bought.uplift > 0 ? '높습니다' : '낮습니다'}(95% 구간 ${points(bought.ciLow)} ~ ${points(bought.ciHigh)}%p).`,
      );
    } else {
      expect(series.takeaway).toContain('유의하지 않습니다');
    }
    expect(figures.find((f) => f.id === 'readback-outcomes')!.title).toBe('지표별 차이(발송 − 대조군, 95% 구간)');
    expect(html).toContain(readback.run.id);
    // Every chart has a title and a Korean one-line takeaway.
    expect(figures.length).toBe(full.sections.reduce((a, s) => a + s.charts, 0));
    for (const f of figures) {
      expect(f.title.length).toBeGreaterThan(0);
      expect(f.takeaway).toMatch(/[가-힣]/);
      expect(f.takeaway).not.toContain('{');
    }
    // Figures in ko-KR form: thousands separated, the won after the number.
    expect(html).toMatch(/\d{1,3}(,\d{3})+원/);
  });
});

describe('the deck', () => {
  it('opens: a title slide, then a slide per chart with its title, its Korean takeaway and its PNG', async () => {
    const zip = await JSZip.loadAsync(readFileSync(full.deck));
    const figures = figuresOf(html);
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.length).toBe(1 + figures.length);
    expect(full.slides).toBe(slides.length);
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    expect(presentation.match(/<p:sldId /g)?.length).toBe(slides.length);

    const cover = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(cover).toContain('캠페인 워크벤치 리포트');
    for (const [i, figure] of figures.entries()) {
      const n = i + 2;
      const xml = await zip.file(`ppt/slides/slide${n}.xml`)!.async('string');
      expect(xml).toContain(`<a:t>${xmlEscape(figure.title)}</a:t>`);
      expect(xml).toContain(`<a:t>${xmlEscape(figure.takeaway)}</a:t>`);
      // A face that shows Korean, for East Asian text too, and the runs marked Korean.
      expect(xml).toContain('<a:ea typeface="Malgun Gothic"');
      expect(xml).toContain('lang="ko-KR"');
      const embed = /<a:blip r:embed="(rId\d+)"/.exec(xml)?.[1];
      expect(embed).toBeDefined();
      const rels = await zip.file(`ppt/slides/_rels/slide${n}.xml.rels`)!.async('string');
      const target = new RegExp(`Id="${embed}" Type="[^"]+/image" Target="\\.\\./media/([^"]+\\.png)"`).exec(rels)?.[1];
      expect(target).toBeDefined();
      const png = await zip.file(`ppt/media/${target}`)!.async('uint8array');
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(png.length).toBeGreaterThan(2000);
    }
  });
});

describe('parts not made yet', () => {
  it('a project without segments, runs or a list still gets a report; those sections say "not yet"', async () => {
    const folder = join(h.root, 'bare-out');
    mkdirSync(folder);
    const written = await h.call<Written>('report.write', { project: bare, outDir: folder });
    expect(written.html).toMatch(/campaign-report-\d{8}-\d{6}\.html$/);
    const page = readFileSync(written.html, 'utf8');
    const sections = sectionsOf(page);
    expect(sections.map((s) => s.id)).toEqual(SECTION_IDS);
    expect(sections[0].body).toMatch(/<svg[\s>]/);
    for (const s of sections.slice(1)) {
      expect(s.body).toMatch(/<p class="missing">[^<]*아직/);
      expect(s.body).not.toMatch(/<svg[\s>]/);
    }
    expect(sections[2].body).toContain('아직 이탈 모델이 학습되지 않았습니다.');
    expect(sections[2].body).toContain('아직 추천 모델이 학습되지 않았습니다.');
    expect(written.sections.map((s) => [s.id, s.missing])).toEqual([
      ['overview', false],
      ['segments', true],
      ['models', true],
      ['validation', true],
      ['list', true],
      ['readback', true],
    ]);
    expect(sections[5].body).toContain('아직 캠페인 성과 측정이 실행되지 않았습니다.');
    const zip = await JSZip.loadAsync(readFileSync(written.deck));
    expect(Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length).toBe(1 + written.sections[0].charts);

    const english = await h.call<Written>('report.write', { project: bare, outDir: folder, lang: 'en', names: { html: 'en.html', deck: 'en.pptx' } });
    const en = readFileSync(english.html, 'utf8');
    expect([...en.matchAll(/<h2>([\s\S]*?)<\/h2>/g)].map((m) => m[1])).toEqual(['Overview', 'Segments and transitions', 'Model quality', 'Validation', 'Target list summary', 'Campaign read-back']);
    expect(en).toContain('No churn model has been trained yet.');
  });
});

describe('writing the files', () => {
  const leftovers = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

  it('a missing folder is the saveFolderNotFound error, and nothing is written', async () => {
    const missing = join(h.root, 'no-such-folder');
    const error = await refusal(h.call('report.write', { project, outDir: missing }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', issues: [{ key: 'saveFolderNotFound' }] });
    expect(existsSync(missing)).toBe(false);
  });

  it('an existing file is kept unless replacing is asked; a name with a folder is refused', async () => {
    const folder = join(h.root, 'again');
    mkdirSync(folder);
    const names = { html: 'r.html', deck: 'r.pptx' };
    writeFileSync(join(folder, 'r.pptx'), 'the earlier deck');
    const error = await refusal(h.call('report.write', { project: bare, outDir: folder, names }));
    expect(error).toMatchObject({ code: 'BAD_ARGUMENT', issues: [{ key: 'fileExists' }] });
    expect(existsSync(join(folder, 'r.html'))).toBe(false);
    expect(readFileSync(join(folder, 'r.pptx'), 'utf8')).toBe('the earlier deck');
    await h.call('report.write', { project: bare, outDir: folder, names, overwrite: true });
    expect([...readFileSync(join(folder, 'r.pptx')).subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip: PK
    expect(leftovers(folder)).toEqual([]);
    const outside = await refusal(h.call('report.write', { project: bare, outDir: folder, names: { html: '../r.html' } }));
    expect(outside).toMatchObject({ code: 'BAD_ARGUMENT' });
  });

  it('a deck that cannot be put in place takes the HTML away again: both files or neither', async () => {
    const folder = join(h.root, 'half');
    mkdirSync(folder);
    // A folder (not empty) where the deck should go: the final rename fails after the HTML is in place.
    mkdirSync(join(folder, 'deck.pptx'));
    writeFileSync(join(folder, 'deck.pptx', 'keep'), 'x');
    const error = await refusal(h.call('report.write', { project: bare, outDir: folder, names: { html: 'page.html', deck: 'deck.pptx' }, overwrite: true }));
    expect(error?.code).toBe('IO');
    expect(existsSync(join(folder, 'page.html'))).toBe(false);
    expect(leftovers(folder)).toEqual([]);
    expect(readdirSync(folder).sort()).toEqual(['deck.pptx']);
  });
});
