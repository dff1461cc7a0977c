// "Near me" on the directory: the phone's own location sorts the centres by distance. The
// location never leaves the phone; without it (or without JavaScript) the list by town stays.

const box = document.querySelector<HTMLElement>('[data-near]');
const list = document.querySelector<HTMLElement>('[data-near-list]');

function km(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

// The box is shown from the first paint whenever scripts run (the `js` class), so the list does
// not jump; a browser without geolocation drops it.
if (box && !('geolocation' in navigator)) box.hidden = true;
if (box && list && 'geolocation' in navigator) {
  const status = box.querySelector<HTMLElement>('[data-near-status]')!;
  box.querySelector('button')!.addEventListener('click', () => {
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const here = { lat: coords.latitude, lng: coords.longitude };
        // Centres without a known position go last, unmeasured.
        const measured = [...list.querySelectorAll<HTMLElement>('li.card')]
          .map((card) => ({
            card,
            d: card.dataset.lat ? km(here, { lat: Number(card.dataset.lat), lng: Number(card.dataset.lng) }) : Infinity,
          }))
          .sort((a, b) => a.d - b.d);
        const sorted = document.createElement('ul');
        sorted.className = 'cards';
        for (const { card, d } of measured) {
          const out = card.querySelector<HTMLElement>('[data-distance-out]')!;
          if (Number.isFinite(d)) {
            out.textContent = (box.dataset.distance ?? '{km}').replace('{km}', d < 10 ? d.toFixed(1) : d.toFixed(0));
            out.hidden = false;
          }
          sorted.append(card);
        }
        list.querySelectorAll('[data-group]').forEach((g) => g.remove());
        list.prepend(sorted);
        status.textContent = '';
        sorted.querySelector('a')?.focus();
      },
      () => {
        status.textContent = box.dataset.error ?? '';
      },
      { timeout: 10_000, maximumAge: 300_000 },
    );
  });
}

export {};
