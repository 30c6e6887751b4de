// Injected into a built page: finds left-to-right runs in the page's text and reports
// whether each displays in its logical order (left to right on screen).
window.addEventListener('load', () => {
  const run = /[A-Za-z0-9\u00C0-\u024F](?:[ \u00A0.,\-+\/&'\u2019_@:]*[A-Za-z0-9\u00C0-\u024F])*[+#]*/g;
  const results = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, pre, code')) continue;
    for (const m of node.data.matchAll(run)) {
      if (/^\d+$/.test(m[0])) continue;
      const chars = [];
      for (let i = m.index; i < m.index + m[0].length; i++) {
        if (/\s/.test(node.data[i])) continue;
        const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
        const rect = r.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        chars.push({ x: rect.left + rect.width / 2, top: Math.round(rect.top), c: node.data[i] });
      }
      if (chars.length < 2 || chars.some(ch => Math.abs(ch.top - chars[0].top) > 4)) continue;
      const logical = chars.map(ch => ch.c).join('');
      const visual = [...chars].sort((a, b) => a.x - b.x).map(ch => ch.c).join('');
      const isolated = !!parent.closest('bdi, [dir="ltr"]');
      results.push({ run: m[0], ok: logical === visual, visual, isolated });
    }
  }
  const out = document.createElement('pre');
  out.id = 'bidi-visual-order';
  out.textContent = JSON.stringify(results);
  document.body.appendChild(out);
});
