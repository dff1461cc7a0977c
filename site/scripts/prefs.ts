// The one island every page carries: elder mode without a reload, and read-aloud.

const root = document.documentElement;
const YEAR = 60 * 60 * 24 * 365;

// Elder mode. The cookie is what the server reads to render the next page the same way, so the
// choice survives navigation and visits, with or without this script.
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-elder-toggle]')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const on = root.dataset.elder !== 'on';
    root.dataset.elder = on ? 'on' : 'off';
    document.cookie = `elder=${on ? 'on' : 'off'}; path=/; max-age=${YEAR}; samesite=lax`;
  });
}

// Read-aloud through the browser's own speech synthesis; the button stays hidden where there is none.
const readButton = document.querySelector<HTMLButtonElement>('button[data-read-aloud]');
if (readButton && typeof window.speechSynthesis?.speak !== 'function') readButton.closest('p')!.hidden = true;
if (readButton && typeof window.speechSynthesis?.speak === 'function') {
  const button = readButton;
  const synth = window.speechSynthesis;
  const voiceLang = button.dataset.voice ?? root.lang;
  const setLabel = (speaking: boolean) => {
    button.textContent = (speaking ? button.dataset.stop : button.dataset.start) ?? '';
  };
  button.addEventListener('click', () => {
    if (synth.speaking) {
      synth.cancel();
      setLabel(false);
      return;
    }
    const main = document.getElementById('main');
    if (!main) return;
    const text = main.innerText.replace(button.textContent ?? '', '');
    // Long utterances are cut off by some engines, so speak sentence by sentence.
    const sentences = text.split(/(?<=[。！？!?；;\n])\s*/).map((s) => s.trim()).filter(Boolean);
    const voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith(voiceLang.slice(0, 2).toLowerCase()));
    sentences.forEach((sentence, i) => {
      const utterance = new SpeechSynthesisUtterance(sentence);
      utterance.lang = voiceLang;
      if (voice) utterance.voice = voice;
      if (i === sentences.length - 1) utterance.onend = () => setLabel(false);
      synth.speak(utterance);
    });
    setLabel(true);
  });
}

export {};
