// Frames per second of the explorer's overview while panning and zooming, in headless Debian Chromium:
//   node tests/perf/overview_fps.mjs BASE_URL [SECONDS=6]
// (tests/perf/overview_fps.sh builds a 10k/40k synthetic graph, imports it and calls this.) Opens BASE_URL, opens the
// Overview tab (the whole graph), then: drags the drawing around for SECONDS (mouse down, small moves), then zooms in
// and out with the wheel for SECONDS, counting requestAnimationFrame callbacks in the page; prints the frame rate,
// the 95th-percentile frame time, how long the overview took to load and draw, and the time of one full redraw.
// Chromium flags: OVERVIEW_CHROMIUM_FLAGS (default: WebGL on SwiftShader, software compositing), binary:
// GRAPHAPI_CHROMIUM (default /usr/bin/chromium); OVERVIEW_SCREENSHOT=file.png saves the page once drawn. Needs `npm ci` in tests/perf (playwright-core; no browser download).
import { chromium } from 'playwright-core';

const [baseUrl, secondsText = '6'] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node tests/perf/overview_fps.mjs BASE_URL [SECONDS=6]');
  process.exit(2);
}
const seconds = Number(secondsText);
const flags = (process.env.OVERVIEW_CHROMIUM_FLAGS ?? '--use-angle=swiftshader --enable-unsafe-swiftshader --disable-gpu-compositing')
  .split(' ').filter(Boolean);
const viewport = { width: 1600, height: 900 };

const browser = await chromium.launch({
  executablePath: process.env.GRAPHAPI_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', ...flags],
});
try {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(baseUrl);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  const webgl = await page.evaluate(webGlRenderer);

  const opened = Date.now();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.waitForFunction(() => document.getElementById('overview').dataset.nodes !== undefined
    || !document.getElementById('overview-error').hidden, null, { timeout: 600_000 });
  const openMs = Date.now() - opened;
  const summary = await page.evaluate(() => window.graphApiExplorer.overview());
  if (!summary) throw new Error(`the overview was not drawn: ${await page.locator('#overview-error').textContent()}`);
  await page.waitForTimeout(1000);
  const redrawMs = await page.evaluate(timeRedraw);
  if (process.env.OVERVIEW_SCREENSHOT) await page.screenshot({ path: process.env.OVERVIEW_SCREENSHOT });

  const surface = await page.locator('#overview').boundingBox();
  const centre = { x: surface.x + surface.width / 2, y: surface.y + surface.height / 2 };
  const pan = await measure(page, seconds, async (step) => {
    // A slow circle around the centre, as a hand dragging the map about.
    const angle = step / 15;
    await page.mouse.move(centre.x + 120 * Math.cos(angle), centre.y + 80 * Math.sin(angle));
  }, async () => {
    await page.mouse.move(centre.x + 120, centre.y);
    await page.mouse.down();
  }, () => page.mouse.up());
  await page.waitForTimeout(1500);
  const zoom = await measure(page, seconds, async (step) => {
    // In for a second, out for a second, about the centre.
    await page.mouse.wheel(0, Math.floor(step / 30) % 2 === 0 ? -40 : 40);
  }, () => page.mouse.move(centre.x, centre.y), async () => {});
  await page.waitForTimeout(1500);
  const pixels = await page.evaluate(() => window.graphApiExplorer.overviewPaintedPixels());

  const report = {
    chromium: browser.version(), webgl, flags: flags.join(' '), viewport: `${viewport.width}x${viewport.height}`,
    actors: summary.nodes, ties: summary.edges, openToDrawnMs: openMs, fetchMs: round(summary.timings.fetchMs), drawMs: round(summary.timings.drawMs),
    fullRedrawMs: round(redrawMs), paintedPixelsAfter: pixels, pan, zoom, pageErrors: errors,
  };
  console.log(JSON.stringify(report, null, 2));
  const met = pan.fps >= 30 && zoom.fps >= 30;
  console.log(`overview ${summary.nodes} actors / ${summary.edges} ties: pan ${pan.fps} fps (p95 frame ${pan.p95FrameMs} ms), ` +
    `zoom ${zoom.fps} fps (p95 frame ${zoom.p95FrameMs} ms), full redraw ${round(redrawMs)} ms — target ≥ 30 fps ${met ? 'met' : 'NOT met'}`);
} finally {
  await browser.close();
}

/** Runs input steps for `seconds` while the page counts animation frames; answers fps and frame-time percentiles. */
async function measure(page, seconds, step, before, after) {
  await before();
  await page.evaluate(() => {
    const frames = [];
    window.__overviewFrames = frames;
    const tick = (time) => {
      frames.push(time);
      if (window.__overviewFrames === frames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const until = Date.now() + seconds * 1000;
  let steps = 0;
  while (Date.now() < until) await step(steps++);
  const frames = await page.evaluate(() => {
    const times = window.__overviewFrames;
    window.__overviewFrames = null;
    return times;
  });
  await after();
  const gaps = frames.slice(1).map((time, i) => time - frames[i]).sort((a, b) => a - b);
  const span = frames.at(-1) - frames[0];
  return {
    inputSteps: steps,
    frames: frames.length,
    fps: round((frames.length - 1) * 1000 / span),
    p50FrameMs: round(gaps[Math.floor(gaps.length * 0.5)]),
    p95FrameMs: round(gaps[Math.floor(gaps.length * 0.95)]),
    maxFrameMs: round(gaps.at(-1)),
  };
}

/** One full redraw of the overview, timed until its pixels can be read (which waits for the GPU, SwiftShader here). */
function timeRedraw() {
  const started = performance.now();
  window.graphApiExplorer.overviewPaintedPixels();
  return performance.now() - started;
}

function webGlRenderer() {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL 2';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
}

function round(value) {
  return Math.round(value * 10) / 10;
}
