// `npm run bench` (first part): how many households the rules engine evaluates per second on one
// core, over a varied set of households (target: at least 50,000 a second).
import { evaluate, type Rules } from '../api/eligibility/engine.ts';
import type { Household } from '../api/eligibility/index.ts';
import { loadContent } from '../content/loader.ts';

const content = loadContent();
const rules: Rules = { parameters: content.parameters, programmes: content.programmes };

function households(n: number): Household[] {
  let seed = 7;
  const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, () => {
    const size = 1 + Math.floor(rand() * 6);
    return {
      residence: rand() < 0.5 ? 'urban' : 'rural',
      members: Array.from({ length: size }, () => ({
        age: Math.floor(rand() * 100),
        disability: rand() < 0.1 ? { kind: 'physical', grade: 1 + Math.floor(rand() * 4) } : null,
        seriousIllness: rand() < 0.05,
      })),
      monthlyIncome: Math.floor(rand() * 6000),
      monthlyRigidExpenses: Math.floor(rand() * 500),
      assets: { financial: Math.floor(rand() * 60000), nonEssentialCar: rand() < 0.1, extraHome: rand() < 0.05 },
      supporter: rand() < 0.3 ? 'none' : 'able',
      emergency: rand() < 0.1 ? { kind: 'fire', cost: Math.floor(rand() * 50000) } : null,
    } satisfies Household;
  });
}

const sample = households(1000);
for (const h of sample) evaluate(h, rules, '2026-11-29'); // warm up
const runs: number[] = [];
for (let r = 0; r < 5; r++) {
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < 1000) {
    for (const h of sample) evaluate(h, rules, '2026-11-29');
    n += sample.length;
  }
  runs.push(n / ((performance.now() - start) / 1000));
}
runs.sort((a, b) => a - b);
console.log('\nEligibility engine (8 programmes, 1,000 varied households, 5 runs of 1 s, one core)\n');
console.log('| median evaluations/s | slowest run | fastest run |');
console.log('|---:|---:|---:|');
console.log(`| ${Math.round(runs[2]!).toLocaleString('en')} | ${Math.round(runs[0]!).toLocaleString('en')} | ${Math.round(runs[4]!).toLocaleString('en')} |`);
