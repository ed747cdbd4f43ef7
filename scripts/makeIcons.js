#!/usr/bin/env node
/**
 * Draws the Samspill mark — a teal rounded square with two overlapping circles, for the
 * municipality and the volunteers — into the PNG sizes the manifest names. Uses only node core
 * (zlib) so that anyone can regenerate the icons without image tooling; the output is
 * deterministic, so regenerating leaves git clean unless the drawing changed.
 *
 * Usage: node scripts/makeIcons.js [outDir]   (default: assets/)
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
/** Sub-samples per axis: edges are anti-aliased by averaging coverage over an n×n grid. */
const SUPERSAMPLE = 4;

const TEAL = [15, 108, 110];
const WHITE = [255, 255, 255];
const AMBER = [255, 200, 87];
const OVERLAP = [255, 236, 190];

/** The mark in unit coordinates (0..1), so every size is the same drawing. */
const SQUARE = { inset: 0.03, radius: 0.2 };
const LEFT_CIRCLE = { cx: 0.39, cy: 0.5, r: 0.235 };
const RIGHT_CIRCLE = { cx: 0.61, cy: 0.5, r: 0.235 };

function insideRoundedSquare(x, y) {
  const lo = SQUARE.inset;
  const hi = 1 - SQUARE.inset;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const r = SQUARE.radius;
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideCircle(c, x, y) {
  return (x - c.cx) ** 2 + (y - c.cy) ** 2 <= c.r * c.r;
}

/** Colour at one point of the mark, or null where it is transparent. */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  const left = insideCircle(LEFT_CIRCLE, x, y);
  const right = insideCircle(RIGHT_CIRCLE, x, y);
  if (left && right) return OVERLAP;
  if (left) return WHITE;
  if (right) return AMBER;
  return TEAL;
}

/** RGBA pixels, averaged over sub-samples with premultiplied alpha so edges do not darken. */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = colourAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered === 0) continue;
      pixels[at] = Math.round(r / covered);
      pixels[at + 1] = Math.round(g / covered);
      pixels[at + 2] = Math.round(b / covered);
      pixels[at + 3] = Math.round((255 * covered) / samples);
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A truecolour-with-alpha PNG: signature, IHDR, one IDAT, IEND. */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type RGBA
  // compression, filter and interlace methods stay 0
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { SIZES, encodePng, render };
