// Draft storage and leave-page confirmation for the event editor (imported as a module by EventEditorPage).
export function loadDraft(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function saveDraft(key, json) {
  try {
    window.localStorage.setItem(key, json);
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(key) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Storage unavailable (private mode): nothing to remove.
  }
}

export function confirmLeave(message) {
  return window.confirm(message);
}

// Brings a message panel (error summary, conflict, duplicates) into view and moves focus to it for screen readers.
export function reveal(selector) {
  const element = document.querySelector(selector);
  if (element) {
    element.scrollIntoView({ block: 'center', behavior: 'instant' });
    if (!element.hasAttribute('tabindex')) {
      element.setAttribute('tabindex', '-1');
    }
    element.focus({ preventScroll: true });
  }
}
