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
  // Below MudBlazor's "md" breakpoint the responsive navigation drawer lies over the page.
  isNarrow: () => window.matchMedia('(max-width: 959.98px)').matches,
  // Kept for a year, read by the server when it renders the next page (so the page never flashes the other theme).
  rememberTheme: choice => {
    document.cookie = `DiplomacyTrackerTheme=${encodeURIComponent(choice)}; path=/; max-age=31536000; SameSite=Lax`;
  },
  rememberTimelineView: view => {
    document.cookie = `DiplomacyTrackerTimelineView=${encodeURIComponent(view)}; path=/; max-age=31536000; SameSite=Lax`;
  },
  // The Clipboard API needs a secure context (HTTPS or localhost) and the user's click; false when it is refused.
  copyText: async text => {
    if (!navigator.clipboard) {
      return false;
    }
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  },
  scrollToId: id => {
    const element = document.getElementById(id);
    if (element) {
      element.scrollIntoView({ block: 'center' });
    }
  },
};
