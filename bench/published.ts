// How long an event takes from being published (answered 201) to being found by search: published
// through one portal, looked for through another (or the same). The lags in ms, ascending.
export async function publishToSearch(publishBase: string, searchBase: string, cookie: string, count = 20): Promise<number[]> {
  const lags: number[] = [];
  for (let i = 0; i < count; i++) {
    const title = `基准活动${i}x${Date.now().toString(36)}`;
    const start = new Date(Date.now() + 86400_000).toISOString();
    const res = await fetch(`${publishBase}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, Origin: publishBase },
      body: JSON.stringify({ title: { zh: title }, description: { zh: '基准' }, start, end: new Date(Date.parse(start) + 3600_000).toISOString(), audience: ['everyone'] }),
    });
    const acknowledged = performance.now();
    const { id } = await res.json();
    for (;;) {
      const { hits } = await (await fetch(`${searchBase}/api/search?q=${encodeURIComponent(title)}&type=event`)).json();
      if (hits.some((h: { url: string }) => h.url.includes(id))) break;
      if (performance.now() - acknowledged > 5000) throw new Error('an event was not searchable within 5 s');
    }
    lags.push(performance.now() - acknowledged);
  }
  return lags.sort((a, b) => a - b);
}
