// Draws the add-in's icons (assets/icon-*.png): a teal rounded square with a white rising line
// (an option's payoff) over a baseline. Run once with `node scripts/make-icons.js`; the PNGs are committed.
const fs = require("fs");
const path = require("path");
const { PNG } = require("pngjs");

function draw(size) {
  const png = new PNG({ width: size, height: size });
  const radius = size * 0.18;
  const stroke = Math.max(1.2, size * 0.09);
  const inside = (x, y) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
  };
  // hockey-stick payoff: flat from (0.2, 0.72) to (0.5, 0.72), then up to (0.82, 0.25)
  const segments = [
    [0.2, 0.72, 0.5, 0.72],
    [0.5, 0.72, 0.82, 0.25],
  ].map((s) => s.map((v) => v * size));
  const distance = (px, py, [x1, y1, x2, y2]) => {
    const dx = x2 - x1, dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      let samples = 0, line = 0;
      for (const [ox, oy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]]) {
        const px = x + ox, py = y + oy;
        if (!inside(px, py)) continue;
        samples++;
        if (Math.min(...segments.map((s) => distance(px, py, s))) <= stroke / 2) line++;
      }
      const bg = [0x0f, 0x6c, 0x73];
      const mix = samples ? line / samples : 0;
      png.data[i] = Math.round(bg[0] + (255 - bg[0]) * mix);
      png.data[i + 1] = Math.round(bg[1] + (255 - bg[1]) * mix);
      png.data[i + 2] = Math.round(bg[2] + (255 - bg[2]) * mix);
      png.data[i + 3] = Math.round((samples / 4) * 255);
    }
  }
  return PNG.sync.write(png);
}

for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), draw(size));
}
