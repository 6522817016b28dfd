import * as assert from 'node:assert/strict';
import { chartSvgBytes } from '../../src/insights/svgFile';

// The shape svgcanvas gives a uPlot chart (cut down): a clip, a grid path, a series path, an axis label.
const SVG = [
  '<svg version="1.1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="550" height="220" viewBox="0 0 550 220">',
  '<defs><clipPath id="aNeTFealrEca"><path fill="none" stroke="none" d=" M 49 16 L 501 16 L 501 171 Z"/></clipPath></defs>',
  '<g><path fill="none" stroke="rgb(128,128,128)" stroke-opacity="0.35" d=" M 50.5 170.5 L 50.5 180.5"/>',
  '<g clip-path="url(#aNeTFealrEca)"><path fill="none" stroke="#3794ff" d=" M 50 30 L 140 157 L 500 157"/></g>',
  '<text fill="#333" font-size="12px" x="50" y="185" text-anchor="middle">1/29 &lt;b&gt; &amp;</text><rect x="0" y="0" width="1" height="1"/></g>',
  '</svg>',
].join('');

describe('insights: the SVG file the host accepts from the page', () => {
  it('takes a drawing of paths, clips and text, as its UTF-8 bytes', () => {
    assert.equal(new TextDecoder().decode(chartSvgBytes(SVG)), SVG);
  });

  it('refuses anything but a well-formed SVG of drawing elements: no script, foreign content, link or event handler', () => {
    for (const [why, bad] of [
      ['not well-formed', SVG.replace('</svg>', '')],
      ['a script', SVG.replace('<g>', '<g><script>alert(1)</script>')],
      ['foreign HTML', SVG.replace('<g>', '<g><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>')],
      ['an image', SVG.replace('<g>', '<g><image href="data:image/png;base64,AA=="/>')],
      ['a link', SVG.replace('<g>', '<g><a xlink:href="https://example.com"><text>x</text></a>')],
      ['an event handler', SVG.replace('<g>', '<g onclick="alert(1)">')],
      ['an event handler in capitals', SVG.replace('<rect ', '<rect ONLOAD="alert(1)" ')],
      ['another root', `<html>${SVG}</html>`],
      ['two roots', SVG + SVG],
      ['not XML', 'PNG'],
    ])
      assert.equal(chartSvgBytes(bad), undefined, why);
  });
});
