import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { scopeOf } from '../shared/assessments/scope';
import type { Framework } from '../shared/framework/schema';
import { buildModel } from '../renderer/src/screens/assessments/model/units';
import { must } from '../e2e/support/api';
import { seedInstitution } from '../e2e/support/seed';
import { BrowserHost } from '../e2e/support/browser-host';
import { findChromium } from '../e2e/support/chromium';
import { largeFramework } from '../e2e/support/large-framework';
import { summarise, withBaseline, type Measurement } from './measure';

const root = path.resolve(import.meta.dirname, '..');

export interface WorkspaceBenchSizes {
  /** Criteria of the generated framework (the 1,000; the default framework has 106). */
  criteria: number;
  /** Fresh pages opened on the workspace. */
  opens: number;
  /** Rating clicks (each on the next unanswered criterion). */
  clicks: number;
  /** Keystrokes typed into one note. */
  keys: number;
}

/*
 * What is timed, all inside the page with its own clock (performance.now(), the same clock as
 * Event.timeStamp), so that Playwright's round trips never count:
 *   start  the trusted input event (click, keydown, input) as Chromium stamps it (`event.timeStamp`), or
 *          for a navigation the moment the address changes;
 *   end    the first requestAnimationFrame callback after the DOM shows the whole change (a
 *          MutationObserver checks the conditions after every DOM change), i.e. the frame that paints it.
 * The baseline is the same measurement of the same input on a bare element outside React in the same
 * page (a button that sets one text, a plain textarea), timed in turns with the figure: it is what the
 * browser, the input pipeline and the frame clock cost by themselves on this machine at this moment.
 */

type Condition = { selector: string; includes?: string; checked?: boolean; absent?: boolean };
interface Probe {
  arm(start: 'click' | 'keydown' | 'input' | 'now', until: Condition[] | 'input'): void;
  result(): Promise<number>;
}
declare global {
  interface Window {
    __b2?: Probe;
  }
}

async function installProbe(page: Page): Promise<void> {
  // tsx compiles this file keeping function names through a `__name` helper the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate(() => {
    let pending: Promise<number> = Promise.resolve(NaN);
    const holds = (c: { selector: string; includes?: string; checked?: boolean; absent?: boolean }) => {
      const el = document.querySelector(c.selector);
      if (c.absent) return el === null;
      if (el === null) return false;
      if (c.checked !== undefined && (el as HTMLInputElement).checked !== c.checked) return false;
      return c.includes === undefined || (el.textContent ?? '').includes(c.includes);
    };
    const probe: Probe = {
      arm(start, until) {
        pending = new Promise<number>((resolve, reject) => {
          let t0: number | null = start === 'now' ? performance.now() : null;
          let done = false;
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`B2 probe: timed out waiting for ${JSON.stringify(until)}`));
          }, 20_000);
          const finish = () => {
            if (done) return;
            done = true;
            observer.disconnect();
            clearTimeout(timer);
            requestAnimationFrame(() => resolve(performance.now() - t0!));
          };
          const check = () => {
            if (t0 !== null && until !== 'input' && until.every(holds)) finish();
          };
          const observer = new MutationObserver(check);
          observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
          if (start !== 'now') {
            window.addEventListener(
              start,
              (e) => {
                t0 = e.timeStamp;
                // A click on a radio's label checks the input without any DOM mutation: check after it.
                queueMicrotask(check);
              },
              { capture: true, once: true },
            );
          }
          // A controlled field's value is a property, not a mutation: the input event itself is the change.
          if (until === 'input') window.addEventListener('input', () => t0 !== null && finish(), { once: true });
        });
      },
      result: () => pending,
    };
    window.__b2 = probe;
    // The baseline: a bare button and textarea outside React's root, updating one text node.
    const bare = document.createElement('div');
    bare.id = 'b2-bare';
    bare.style.cssText = 'position:fixed;right:0;bottom:0;z-index:99999;background:#fff';
    const button = document.createElement('button');
    button.id = 'b2-bare-button';
    button.textContent = 'bare';
    const out = document.createElement('span');
    out.id = 'b2-bare-out';
    let n = 0;
    button.addEventListener('click', () => {
      n += 1;
      out.textContent = String(n);
    });
    const textarea = document.createElement('textarea');
    textarea.id = 'b2-bare-text';
    textarea.setAttribute('aria-label', 'bare');
    bare.append(button, out, textarea);
    document.body.append(bare);
  });
}

const arm = (page: Page, start: 'click' | 'keydown' | 'input' | 'now', until: Condition[] | 'input') =>
  page.evaluate(([s, u]) => window.__b2!.arm(s, u), [start, until] as const);
const result = (page: Page) => page.evaluate(() => window.__b2!.result());

async function memory(cdp: CDPSession): Promise<{ heapMb: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { heapMb: get('JSHeapUsedSize') / 1024 / 1024, nodes: get('Nodes') };
}

interface Scenario {
  label: string;
  assessmentId: string;
  /** A unit about 900 places down the workspace (or near the end of a smaller one). */
  far: { key: string; criterionId: string; sectionIndex: number; groupId: string; place: number };
}

async function prepare(host: BrowserHost, framework: Framework | null, label = 'default'): Promise<Scenario> {
  let frameworkVersionId: string;
  if (framework === null) {
    frameworkVersionId = (await seedInstitution(host)).frameworkVersionId;
  } else {
    const imported = await must(host, 'frameworks:import-file', {
      fileName: `${framework.id}.json`,
      contentBase64: Buffer.from(JSON.stringify(framework)).toString('base64'),
    });
    frameworkVersionId = imported.summary.id;
  }
  const seeded = await seedInstitution(host, `Benchmark institution ${framework?.id ?? label}`);
  const created = await must(host, 'assessments:create', {
    kind: 'inspection',
    institutionId: seeded.institutionId,
    programmeIds: [seeded.programmeId],
    frameworkVersionId,
    team: [{ name: 'Rahima Akter', role: 'lead-inspector' }],
    plannedStart: '',
    plannedEnd: '',
    siteVisitDate: '',
    followsAssessmentId: null,
  });
  const got = await must(host, 'assessments:get', { id: created.id });
  const version = await must(host, 'frameworks:get', { id: frameworkVersionId });
  const model = buildModel(version.framework, scopeOf(got.assessment.programmes), got.assessment.programmes);
  // The default framework is named by its own size and version (106 criteria in 1.0.0).
  if (framework === null) label = `${version.summary.criteria} criteria (default ${version.summary.version})`;
  // The section holding place 900 (or 85 % down a smaller framework); its first applicable unit is the one
  // a click on the section makes current, and the one searched for by its id.
  const place = Math.min(900, Math.floor(model.units.length * 0.85));
  const sectionIndex = model.sections.findIndex((s) => s.units.some((u) => u.index >= place));
  const section = model.sections[sectionIndex]!;
  const unit = section.units.find((u) => u.applicable)!;
  return {
    label,
    assessmentId: created.id,
    far: { key: unit.key, criterionId: unit.criterion.id, sectionIndex, groupId: section.group.id, place: unit.index },
  };
}

/** The workspace is open with its current card ready; the probe is installed. */
async function openWorkspace(page: Page, host: BrowserHost, id: string): Promise<number> {
  await page.goto(host.url);
  await page.locator('#main h1').first().waitFor({ state: 'visible', timeout: 60_000 });
  await installProbe(page);
  await arm(page, 'now', [{ selector: 'article.criterion--current label.rating-choice' }, { selector: '[data-testid="overall-score"]' }]);
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `#/assessments/${id}`);
  return result(page);
}

async function scenario(browser: Browser, host: BrowserHost, s: Scenario, sizes: WorkspaceBenchSizes): Promise<Measurement[]> {
  const rows: Measurement[] = [];
  const opens: number[] = [];
  for (let i = 0; i < sizes.opens; i++) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    try {
      opens.push(await openWorkspace(page, host, s.assessmentId));
    } finally {
      await page.close();
    }
  }

  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    await openWorkspace(page, host, s.assessmentId);
    const opened = await memory(cdp);
    rows.push(
      summarise(
        `${s.label}: navigation to the first interactive card`,
        opens,
        `fresh page at the app, address set → current card's rating choices and the score painted; ` +
          `then ${opened.heapMb.toFixed(1)} MB JS heap, ${opened.nodes} DOM nodes`,
      ),
    );

    // Rating clicks: each on the current card (the next unanswered), then `j` to the next one, untimed.
    const clicks: number[] = [];
    const bare: number[] = [];
    const answeredText = async () => (await page.locator('.score-panel > p.secondary').first().textContent()) ?? '';
    for (let i = 0; i < sizes.clicks; i++) {
      const card = page.locator('article.criterion--current');
      if ((await card.locator('label.rating-choice--v2').count()) === 0) {
        await page.keyboard.press('j');
        i -= 1;
        continue;
      }
      const before = await answeredText();
      const answered = Number(/^(\d+)/.exec(before)?.[1]);
      const key = await card.getAttribute('data-unit');
      const progress = page.locator('.section-nav__item[aria-current="true"] .section-nav__meta > span').first();
      const [inSection, ofSection] = ((await progress.textContent()) ?? '').split('/').map(Number);
      await arm(page, 'click', [
        { selector: `article[data-unit="${key}"] input[type="radio"][value="2"]`, checked: true },
        { selector: '.score-panel > p.secondary', includes: `${answered + 1} of` },
        { selector: '.section-nav__item[aria-current="true"] .section-nav__meta > span', includes: `${inSection! + 1}/${ofSection}` },
      ]);
      await card.locator('label.rating-choice--v2').click();
      clicks.push(await result(page));
      // The same click on a bare DOM update, in turn.
      await arm(page, 'click', [{ selector: '#b2-bare-out', includes: String(i + 1) }]);
      await page.locator('#b2-bare-button').click();
      bare.push(await result(page));
      await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
      await page.locator(`article[data-unit="${key}"]`).focus();
      await page.keyboard.press('j');
    }
    rows.push(
      withBaseline(
        summarise(
          `${s.label}: rating click → card, progress and score painted`,
          clicks,
          'click event → first frame after the card is checked and both the section progress and the score panel count it',
        ),
        summarise('the same click on a bare DOM text update', bare),
      ),
    );

    // Keystrokes in a note while autosave runs (typing is saved after a 400 ms pause and on blur).
    const note = page.locator('article.criterion--current textarea[id$="-note"]');
    await note.click();
    const keys: number[] = [];
    const bareKeys: number[] = [];
    const text = 'Workshop ventilation checked with the principal; extraction fans work in bays 1 to 4.';
    for (let i = 0; i < sizes.keys; i++) {
      const ch = text[i % text.length]!;
      await arm(page, 'keydown', 'input');
      await page.keyboard.press(ch === ' ' ? 'Space' : ch);
      keys.push(await result(page));
      // Autosave has queued the note; every fifth key waits long enough for it to be sent meanwhile.
      if (i % 5 === 4) await page.waitForTimeout(450);
    }
    await page.locator('#b2-bare-text').click();
    for (let i = 0; i < sizes.keys; i++) {
      await arm(page, 'keydown', 'input');
      await page.keyboard.press('a');
      bareKeys.push(await result(page));
    }
    rows.push(
      withBaseline(
        summarise(`${s.label}: keystroke in a note → frame (autosave running)`, keys, 'keydown → first frame after the input event'),
        summarise('a keystroke in a bare textarea', bareKeys),
      ),
    );
    await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();

    // A criterion far down: by the section navigator, then by searching for its id.
    const bySection: number[] = [];
    const bySearch: number[] = [];
    const firstKey: number[] = [];
    const unanswered: number[] = [];
    const search = page.locator('#criteria-search');
    // Filters cleared: the list follows after the frame, so wait until it shows a section again.
    const sectionShown = async () => {
      await page.locator('#section-heading', { hasText: 'matching' }).waitFor({ state: 'hidden' });
      await page.locator('article.criterion--current').waitFor();
    };
    for (let i = 0; i < Math.max(2, Math.ceil(sizes.opens / 2)); i++) {
      await page.locator('.section-nav__item').first().click();
      await page.locator('article.criterion--current').waitFor();
      await arm(page, 'click', [
        { selector: '#section-heading', includes: `${s.far.groupId} ·` },
        { selector: `article.criterion--current[data-unit="${s.far.key}"] label.rating-choice` },
      ]);
      await page.locator('.section-nav__item').nth(s.far.sectionIndex).click();
      bySection.push(await result(page));

      await arm(page, 'input', [{ selector: `article[data-unit="${s.far.key}"]` }, { selector: '#section-heading', includes: 'matching' }]);
      await search.fill(s.far.criterionId);
      bySearch.push(await result(page));
      await search.fill('');
      await sectionShown();

      // The first letter typed into the search box: the letter must be painted without waiting for the list.
      await search.focus();
      await arm(page, 'keydown', 'input');
      await page.keyboard.press('e');
      firstKey.push(await result(page));
      await page.locator('#section-heading', { hasText: 'matching' }).waitFor();
      await search.fill('');
      await sectionShown();

      const chip = page.locator('.filter-bar__toggles button.chip').first();
      await arm(page, 'click', [{ selector: '#section-heading', includes: 'matching' }, { selector: 'article.criterion' }]);
      await chip.click();
      unanswered.push(await result(page));
      await chip.click();
      await sectionShown();
    }
    rows.push(
      summarise(
        `${s.label}: a criterion ${s.far.place} places down by the section navigator`,
        bySection,
        `click on its section → its heading and current card painted (${s.far.criterionId})`,
      ),
      summarise(
        `${s.label}: a criterion ${s.far.place} places down by search`,
        bySearch,
        `its id typed (one input event) → the one match painted`,
      ),
      summarise(`${s.label}: first letter in the search box → frame`, firstKey, 'keydown → first frame after the input event'),
      summarise(`${s.label}: "Unanswered" filter → frame`, unanswered, 'click → first frame with the matches listed'),
    );
    const after = await memory(cdp);
    rows.push({
      ...summarise(`${s.label}: JS heap and DOM nodes after the work`, [after.heapMb]),
      note: `${after.heapMb.toFixed(1)} MB JS heap (median column in MB, not ms), ${after.nodes} DOM nodes`,
    });
  } finally {
    await page.close();
  }
  return rows;
}

/**
 * B2: the assessment workspace in Chromium — the built renderer on the browser host with real services —
 * at 1,000 criteria (the default framework grown by e2e/support/large-framework.ts, the generator the
 * scale spec uses) and at the default framework's 106.
 */
export async function workspaceBenchmarks(sizes: WorkspaceBenchSizes): Promise<Measurement[]> {
  // The folder the browser host serves (TVET_RENDERER_DIR when set, as for parallel builds).
  const rendererDir = process.env.TVET_RENDERER_DIR || path.join(root, 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.log(`B2: building the renderer (${path.relative(root, rendererDir) || rendererDir} is missing)…`);
    execFileSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  }
  // The host's bundle is built before anything is timed, so no figure carries build time.
  await BrowserHost.prepare();
  const host = await new BrowserHost().start();
  const browser = await chromium.launch({ executablePath: findChromium() });
  const rows: Measurement[] = [];
  try {
    const large = await prepare(host, largeFramework(sizes.criteria), `${sizes.criteria.toLocaleString('en')} criteria`);
    const standard = await prepare(host, null);
    for (const s of [large, standard]) rows.push(...(await scenario(browser, host, s, sizes)));
  } finally {
    await browser.close();
    await host.stop();
    host.cleanup();
  }
  const version = browser.version();
  const targets: [RegExp, string, (m: Measurement) => boolean][] = [
    [/navigation to the first interactive card/, 'median < 1 s', (m) => m.medianMs < 1000],
    [/places down by/, 'median < 300 ms', (m) => m.medianMs < 300],
    [/rating click/, 'median ≤ 15 ms, p95 < 50 ms', (m) => m.medianMs <= 15 && m.p95Ms < 50],
    [/keystroke in a note/, 'p95 < 16 ms', (m) => m.p95Ms < 16],
  ];
  return rows.map((m) => {
    const target = targets.find(([re]) => re.test(m.name));
    const note = m.note.includes('Chromium') ? m.note : `${m.note}; Chromium ${version}`;
    return { ...m, id: 'B2', note, ...(target ? { target: target[1], met: target[2](m) } : {}) };
  });
}
