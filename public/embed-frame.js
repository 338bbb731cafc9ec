// upcoming-meetings, iframe mode: runs inside embed.html and tells the embedding page how tall
// the widget is whenever that changes, so embed-resize.js there can fit the iframe to it.
// It sends that one number and nothing else.
(() => {
  if (window.parent === window) return;
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "upcoming-meetings:height", height }, "*");
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
})();
