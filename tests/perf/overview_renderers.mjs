// Which library redraws a 10k / 40k overview faster in headless Chromium, under the app's Content-Security-Policy
// and without a bundler (each library's own minified build from npm, as the explorer loads them):
//   node tests/perf/overview_renderers.mjs [NODES=10000] [EDGES=40000] [SECONDS=5]
// Serves tests/perf/overview-renderers/ (libraries from src/GraphApi/node_modules: run `dotnet build src/GraphApi`
// or `npm ci` there first) with `default-src 'self'`, and for sigma.js, Cytoscape.js with its WebGL renderer and
// Cytoscape.js on canvas moves the camera on every animation frame (a full redraw each frame), printing fps.
// Chromium flags: OVERVIEW_CHROMIUM_FLAGS, as overview_fps.mjs.
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [nodes = '10000', edges = '40000', seconds = '5'] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const modules = path.join(here, '..', '..', 'src', 'GraphApi', 'node_modules');
const files = {
  '/index.html': path.join(here, 'overview-renderers', 'index.html'),
  '/compare.js': path.join(here, 'overview-renderers', 'compare.js'),
  '/lib/graphology.umd.min.js': path.join(modules, 'graphology', 'dist', 'graphology.umd.min.js'),
  '/lib/sigma.min.js': path.join(modules, 'sigma', 'dist', 'sigma.min.js'),
  '/lib/cytoscape.min.js': path.join(modules, 'cytoscape', 'dist', 'cytoscape.min.js'),
};
const server = http.createServer(async (request, response) => {
  const file = files[new URL(request.url, 'http://localhost').pathname];
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html',
    'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:",
  });
  response.end(await readFile(file));
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));

const flags = (process.env.OVERVIEW_CHROMIUM_FLAGS ?? '--use-angle=swiftshader --enable-unsafe-swiftshader --disable-gpu-compositing')
  .split(' ').filter(Boolean);
const browser = await chromium.launch({
  executablePath: process.env.GRAPHAPI_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', ...flags],
});
try {
  for (const renderer of ['sigma', 'cytoscape-webgl', 'cytoscape-canvas']) {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html?renderer=${renderer}&nodes=${nodes}&edges=${edges}`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 300_000 });
    await page.evaluate(() => window.measure(1000));
    const result = await page.evaluate((ms) => window.measure(ms), Number(seconds) * 1000);
    const loadMs = Math.round(await page.evaluate(() => window.loadMs));
    console.log(`${renderer.padEnd(17)} ${nodes} nodes / ${edges} edges: ${result.fps} fps (full redraw every frame), set-up ${loadMs} ms` +
      (errors.length ? `, errors: ${errors.join('; ')}` : ''));
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
