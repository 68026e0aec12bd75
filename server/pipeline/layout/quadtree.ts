/**
 * Barnes–Hut repulsion (Barnes & Hut 1986, "A hierarchical O(N log N)
 * force-calculation algorithm") on a quadtree kept in typed arrays and
 * rebuilt every iteration: a far group of people pushes like one body at its
 * centre of mass, so repulsion costs n·log n instead of n².
 *
 * Leaves hold up to BUCKET people and the tree is walked once per leaf, not
 * once per person (Barnes 1990, "A modified tree code: don't laugh; it
 * runs"): the walk collects what pushes the whole leaf into a flat list, and
 * each person in it sums that list in a tight loop. That is most of the
 * speed. A cell counts as one body when its width is below theta × its
 * distance from the nearest point of the leaf's box, so the test holds for
 * every person in the leaf. Arrays are reused between iterations and only
 * grow; points go in in index order and cells are visited in a fixed order,
 * so the same positions always give the same forces.
 */

const BUCKET = 16;
/** Deeper than this, a leaf keeps its points however many (people at one spot). */
const MAX_DEPTH = 40;

export class Quadtree {
  private cells = 0;
  /** Per cell: index of the first of its four children (allocated together), or −1 for a leaf. */
  private firstChild = new Int32Array(0);
  /** Per leaf: the first point in it (−1 if none), the rest through `next`; and how many. */
  private head = new Int32Array(0);
  private count = new Int32Array(0);
  private mass = new Float64Array(0);
  /** Centre of mass (sums while building, then divided). */
  private massX = new Float64Array(0);
  private massY = new Float64Array(0);
  /** Geometric centre and half width. */
  private centreX = new Float64Array(0);
  private centreY = new Float64Array(0);
  private half = new Float64Array(0);
  private next = new Int32Array(0);
  private stack = new Int32Array(256);
  /** The interaction list of the leaf being summed: positions and masses. */
  private listX = new Float64Array(1024);
  private listY = new Float64Array(1024);
  private listM = new Float64Array(1024);

  /** Builds the tree over points 0…n−1. */
  build(x: Float64Array, y: Float64Array, m: Float64Array, n: number): void {
    if (this.next.length < n) this.next = new Int32Array(n);
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      if (x[i]! < minX) minX = x[i]!;
      if (x[i]! > maxX) maxX = x[i]!;
      if (y[i]! < minY) minY = y[i]!;
      if (y[i]! > maxY) maxY = y[i]!;
    }
    this.cells = 0;
    // A little wider than the points, so none sits exactly on the outer edge.
    const half = (Math.max(maxX - minX, maxY - minY) / 2) * 1.0001 + 1e-9;
    this.addCell((minX + maxX) / 2, (minY + maxY) / 2, half);
    for (let i = 0; i < n; i++) this.insert(i, x, y, m);
    for (let c = 0; c < this.cells; c++) {
      if (this.mass[c]! > 0) {
        this.massX[c] = this.massX[c]! / this.mass[c]!;
        this.massY[c] = this.massY[c]! / this.mass[c]!;
      }
    }
  }

  /**
   * Adds to (fx, fy) ForceAtlas2's repulsion k_r·m_i·m_j/d on every point i
   * from every other j, along i − j; `theta` is the Barnes–Hut opening ratio.
   */
  repulse(x: Float64Array, y: Float64Array, m: Float64Array, kr: number, theta: number, fx: Float64Array, fy: Float64Array): void {
    for (let leaf = 0; leaf < this.cells; leaf++) {
      if (this.firstChild[leaf]! >= 0 || this.count[leaf] === 0) continue;
      // The leaf's bounding box: the nearest any of its points can be to a far cell.
      let minX = Infinity,
        minY = Infinity,
        maxX = -Infinity,
        maxY = -Infinity;
      for (let i = this.head[leaf]!; i >= 0; i = this.next[i]!) {
        if (x[i]! < minX) minX = x[i]!;
        if (x[i]! > maxX) maxX = x[i]!;
        if (y[i]! < minY) minY = y[i]!;
        if (y[i]! > maxY) maxY = y[i]!;
      }
      const size = this.collect(leaf, minX, minY, maxX, maxY, theta, x, y, m);
      const lx = this.listX,
        ly = this.listY,
        lm = this.listM;
      for (let i = this.head[leaf]!; i >= 0; i = this.next[i]!) {
        const px = x[i]!,
          py = y[i]!;
        let sx = 0,
          sy = 0;
        for (let k = 0; k < size; k++) {
          const dx = px - lx[k]!,
            dy = py - ly[k]!;
          const d2 = dx * dx + dy * dy;
          // d2 = 0: the point itself (or one exactly on it, which has no direction to push).
          if (d2 > 0) {
            const f = lm[k]! / d2;
            sx += dx * f;
            sy += dy * f;
          }
        }
        fx[i] = fx[i]! + kr * m[i]! * sx;
        fy[i] = fy[i]! + kr * m[i]! * sy;
      }
    }
  }

  /** Fills the interaction list for one leaf; returns its length. */
  private collect(
    leaf: number,
    minX: number,
    minY: number,
    maxX: number,
    maxY: number,
    theta: number,
    x: Float64Array,
    y: Float64Array,
    m: Float64Array,
  ): number {
    const lx = this.centreX[leaf]!,
      ly = this.centreY[leaf]!;
    let size = 0,
      top = 0;
    this.stack[top++] = 0;
    while (top > 0) {
      const c = this.stack[--top]!;
      if (this.mass[c] === 0) continue;
      const first = this.firstChild[c]!;
      const h = this.half[c]!;
      // A cell holding the leaf is never one body: it would push the leaf's people with their own mass.
      const holdsLeaf = Math.abs(lx - this.centreX[c]!) < h && Math.abs(ly - this.centreY[c]!) < h;
      if (!holdsLeaf) {
        const cx = this.massX[c]!,
          cy = this.massY[c]!;
        const dx = cx < minX ? minX - cx : cx > maxX ? cx - maxX : 0;
        const dy = cy < minY ? minY - cy : cy > maxY ? cy - maxY : 0;
        if (4 * h * h < theta * theta * (dx * dx + dy * dy)) {
          size = this.push(size, cx, cy, this.mass[c]!);
          continue;
        }
      }
      if (first < 0) {
        for (let j = this.head[c]!; j >= 0; j = this.next[j]!) size = this.push(size, x[j]!, y[j]!, m[j]!);
      } else {
        if (top + 4 > this.stack.length) this.stack = grow(this.stack, this.stack.length * 2);
        for (let q = 3; q >= 0; q--) this.stack[top++] = first + q;
      }
    }
    return size;
  }

  private push(size: number, px: number, py: number, pm: number): number {
    if (size === this.listX.length) {
      this.listX = grow(this.listX, size * 2);
      this.listY = grow(this.listY, size * 2);
      this.listM = grow(this.listM, size * 2);
    }
    this.listX[size] = px;
    this.listY[size] = py;
    this.listM[size] = pm;
    return size + 1;
  }

  private insert(i: number, x: Float64Array, y: Float64Array, m: Float64Array): void {
    const px = x[i]!,
      py = y[i]!,
      pm = m[i]!;
    let c = 0;
    for (let depth = 0; ; depth++) {
      this.mass[c] = this.mass[c]! + pm;
      this.massX[c] = this.massX[c]! + pm * px;
      this.massY[c] = this.massY[c]! + pm * py;
      if (this.firstChild[c]! >= 0) {
        c = this.firstChild[c]! + this.quadrant(c, px, py);
        continue;
      }
      if (this.count[c]! < BUCKET || depth >= MAX_DEPTH) {
        this.next[i] = this.head[c]!;
        this.head[c] = i;
        this.count[c] = this.count[c]! + 1;
        return;
      }
      // A full leaf splits: its points move into the four children, then i goes on down.
      this.split(c, x, y, m);
      c = this.firstChild[c]! + this.quadrant(c, px, py);
    }
  }

  private split(c: number, x: Float64Array, y: Float64Array, m: Float64Array): void {
    const h = this.half[c]! / 2;
    const first = this.cells;
    this.addCell(this.centreX[c]! - h, this.centreY[c]! - h, h);
    this.addCell(this.centreX[c]! + h, this.centreY[c]! - h, h);
    this.addCell(this.centreX[c]! - h, this.centreY[c]! + h, h);
    this.addCell(this.centreX[c]! + h, this.centreY[c]! + h, h);
    this.firstChild[c] = first;
    for (let j = this.head[c]!; j >= 0;) {
      const following = this.next[j]!;
      const child = first + this.quadrant(c, x[j]!, y[j]!);
      this.next[j] = this.head[child]!;
      this.head[child] = j;
      this.count[child] = this.count[child]! + 1;
      this.mass[child] = this.mass[child]! + m[j]!;
      this.massX[child] = this.massX[child]! + m[j]! * x[j]!;
      this.massY[child] = this.massY[child]! + m[j]! * y[j]!;
      j = following;
    }
    this.head[c] = -1;
    this.count[c] = 0;
  }

  private quadrant(c: number, px: number, py: number): number {
    return (px < this.centreX[c]! ? 0 : 1) + (py < this.centreY[c]! ? 0 : 2);
  }

  private addCell(cx: number, cy: number, half: number): void {
    if (this.cells === this.firstChild.length) this.resize(Math.max(1024, this.cells * 2));
    const c = this.cells++;
    this.firstChild[c] = -1;
    this.head[c] = -1;
    this.count[c] = 0;
    this.mass[c] = 0;
    this.massX[c] = 0;
    this.massY[c] = 0;
    this.centreX[c] = cx;
    this.centreY[c] = cy;
    this.half[c] = half;
  }

  private resize(capacity: number): void {
    this.firstChild = grow(this.firstChild, capacity);
    this.head = grow(this.head, capacity);
    this.count = grow(this.count, capacity);
    this.mass = grow(this.mass, capacity);
    this.massX = grow(this.massX, capacity);
    this.massY = grow(this.massY, capacity);
    this.centreX = grow(this.centreX, capacity);
    this.centreY = grow(this.centreY, capacity);
    this.half = grow(this.half, capacity);
  }
}

function grow<T extends Int32Array | Float64Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(length);
  bigger.set(array);
  return bigger;
}
