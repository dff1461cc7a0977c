// The self-check with JavaScript: the print button appears (the page prints on A4 either way).
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

export {};
