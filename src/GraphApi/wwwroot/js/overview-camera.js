// @ts-check
// Panning and zooming the overview without redrawing the graph on every frame. During a gesture the last drawn
// frame is moved and scaled with a CSS transform, which the browser's compositor applies without touching the
// WebGL scene (so it stays smooth even where WebGL is software-rendered); when the gesture pauses, sigma draws the
// graph once at the camera the transform stands for, and the transform is dropped in the same task (no flicker).
const SETTLE_MS = 160;
const DRAG_THRESHOLD = 3;
const WHEEL_ZOOM = 0.0015;
const KEY_PAN = 80;
const KEY_ZOOM = 1.25;

/** @typedef {import('./overview.js').Renderer} Renderer */

export class CameraGestures {
  /**
   * @param {HTMLElement} surface receives the input
   * @param {HTMLElement} stage the element sigma draws into, moved during gestures
   * @param {{minRatio: number, maxRatio: number}} limits
   */
  constructor(surface, stage, { minRatio, maxRatio }) {
    this.surface = surface;
    this.stage = stage;
    this.limits = { minRatio, maxRatio };
    /** @type {Renderer | null} */
    this.renderer = null;
    /** @type {{x: number, y: number, startX: number, startY: number} | null} */
    this.drag = null;
    this.moved = false;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.transform = { x: 0, y: 0, scale: 1 };
    surface.addEventListener('pointerdown', (event) => this.down(event));
    // Not pointer capture: sigma's own canvas must still see the click that selects a node.
    window.addEventListener('pointermove', (event) => this.move(event));
    window.addEventListener('pointerup', () => this.up());
    window.addEventListener('pointercancel', () => this.up());
    surface.addEventListener('wheel', (event) => this.wheel(event), { passive: false });
    surface.addEventListener('keydown', (event) => this.key(event));
  }

  /** The sigma renderer now drawn in the stage (a new one after each load). @param {Renderer | null} renderer */
  use(renderer) {
    clearTimeout(this.timer);
    this.renderer = renderer;
    this.setTransform({ x: 0, y: 0, scale: 1 });
  }

  /** @param {PointerEvent} event */
  down(event) {
    if (event.button !== 0 || !this.renderer) return;
    this.drag = { x: event.clientX, y: event.clientY, startX: event.clientX, startY: event.clientY };
    this.moved = false;
  }

  /** @param {PointerEvent} event */
  move(event) {
    if (!this.drag) return;
    const { x, y } = this.drag;
    if (Math.hypot(event.clientX - this.drag.startX, event.clientY - this.drag.startY) > DRAG_THRESHOLD) {
      this.moved = true;
      this.surface.classList.add('dragging');
    }
    this.drag.x = event.clientX;
    this.drag.y = event.clientY;
    if (this.moved) this.panBy(event.clientX - x, event.clientY - y);
  }

  up() {
    if (!this.drag) return;
    this.drag = null;
    this.surface.classList.remove('dragging');
  }

  /** @param {WheelEvent} event */
  wheel(event) {
    if (!this.renderer) return;
    event.preventDefault();
    const box = this.surface.getBoundingClientRect();
    this.zoomAt(event.clientX - box.left, event.clientY - box.top, Math.exp(-event.deltaY * WHEEL_ZOOM));
  }

  /** @param {KeyboardEvent} event */
  key(event) {
    if (!this.renderer) return;
    const { width, height } = this.surface.getBoundingClientRect();
    /** @type {Record<string, () => void>} */
    const actions = {
      ArrowLeft: () => this.panBy(KEY_PAN, 0),
      ArrowRight: () => this.panBy(-KEY_PAN, 0),
      ArrowUp: () => this.panBy(0, KEY_PAN),
      ArrowDown: () => this.panBy(0, -KEY_PAN),
      '+': () => this.zoomAt(width / 2, height / 2, KEY_ZOOM),
      '=': () => this.zoomAt(width / 2, height / 2, KEY_ZOOM),
      '-': () => this.zoomAt(width / 2, height / 2, 1 / KEY_ZOOM),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  /** @param {number} dx @param {number} dy */
  panBy(dx, dy) {
    const { x, y, scale } = this.transform;
    this.setTransform({ x: x + dx, y: y + dy, scale });
    this.settleLater();
  }

  /** Zooms by factor about the surface point (px, py), within the camera's zoom limits. @param {number} px @param {number} py @param {number} factor */
  zoomAt(px, py, factor) {
    if (!this.renderer) return;
    const { x, y, scale } = this.transform;
    const ratio = this.renderer.getCamera().getState().ratio;
    const next = Math.min(Math.max(scale * factor, ratio / this.limits.maxRatio), ratio / this.limits.minRatio);
    const applied = next / scale;
    this.setTransform({ x: px - (px - x) * applied, y: py - (py - y) * applied, scale: next });
    this.settleLater();
  }

  /** @param {{x: number, y: number, scale: number}} transform */
  setTransform(transform) {
    this.transform = transform;
    const { x, y, scale } = transform;
    this.stage.style.transform = x === 0 && y === 0 && scale === 1 ? '' : `translate(${x}px, ${y}px) scale(${scale})`;
  }

  settleLater() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), SETTLE_MS);
  }

  /** Gives sigma's camera the view the transform shows, draws once, and drops the transform. */
  settle() {
    const { x, y, scale } = this.transform;
    if (!this.renderer || (x === 0 && y === 0 && scale === 1)) return;
    const camera = this.renderer.getCamera();
    const state = camera.getState();
    const { width, height } = this.renderer.getDimensions();
    // The stage point now at the surface's centre was drawn at ((w/2 − x)/s, (h/2 − y)/s) by the current camera;
    // it becomes the camera's centre (camera and framed-graph coordinates differ by an offset, so move by the difference).
    const target = this.renderer.viewportToFramedGraph({ x: (width / 2 - x) / scale, y: (height / 2 - y) / scale });
    const centre = this.renderer.viewportToFramedGraph({ x: width / 2, y: height / 2 });
    // Sigma's own mouse panning and zooming are off (they would redraw on every event), and its camera ignores
    // moves while they are off, so they are allowed for this one move.
    camera.enabledPanning = true;
    camera.enabledZooming = true;
    camera.setState({ x: state.x + target.x - centre.x, y: state.y + target.y - centre.y, ratio: state.ratio / scale, angle: state.angle });
    camera.enabledPanning = false;
    camera.enabledZooming = false;
    this.renderer.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
    this.setTransform({ x: 0, y: 0, scale: 1 });
  }
}
