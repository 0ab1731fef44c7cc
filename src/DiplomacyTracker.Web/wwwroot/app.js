// Small browser helpers the Blazor components call or rely on.
(() => {
  // Blazor's router intercepts same-page "#main" links, so move focus to the target ourselves.
  document.addEventListener('click', event => {
    const link = event.target.closest && event.target.closest('a.skip-link');
    if (!link) {
      return;
    }
    const target = document.getElementById('main');
    if (target) {
      event.preventDefault();
      target.focus();
      target.scrollIntoView();
    }
  });
})();

window.diplomacyTracker = {
  isNarrow: () => window.matchMedia('(max-width: 768px)').matches,
  scrollToId: id => {
    const element = document.getElementById(id);
    if (element) {
      element.scrollIntoView({ block: 'center' });
    }
  },
};
