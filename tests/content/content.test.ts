import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, loadContent } from '../../content/loader.ts';
import { valueAt } from '../../content/parameters.ts';
import { isoDate, policySchema } from '../../content/schemas/index.ts';

const dirs: string[] = [];
function copyOfContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  dirs.push(dir);
  cpSync('content', dir, { recursive: true, filter: (src) => !src.endsWith('.ts') && !src.includes('schemas') });
  return dir;
}
function errorsOf(dir: string): ContentError {
  try {
    loadContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected the content to be rejected');
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('cross-references in the guides', () => {
  it('fails the build on "below" or "above", and on a section the guide does not have', () => {
    const dir = copyOfContent();
    const file = join(dir, 'policies', 'dibao.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('现行标准见“能得到什么”，', '现行标准见本页下方，')
        .replace('The current standard is shown under “What you get”;', 'The current standard is shown below;')
        .replace('见“能得到什么”里的现行标准', '见“金额表”里的现行标准'),
    );
    const lines = errorsOf(dir).issues.map((i) => `${i.field}: ${i.reason}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^faq\.\d+\.a\.zh: points at a place on the page \(“本页下”\)/),
        expect.stringMatching(/^faq\.\d+\.a\.en: points at a place on the page \(“shown below”\)/),
        expect.stringMatching(/^whoCanApply\.\d+\.zh: names a section “金额表” that guides do not have/),
      ]),
    );
  });
});

describe('content loader', () => {
  it('accepts the shipped content and links every reference', () => {
    const content = loadContent();
    expect(content.policies.get('dibao')?.title.zh).toContain('低保');
    expect(content.services.size).toBeGreaterThan(0);
    expect(content.conventions.size).toBeGreaterThan(0);
    expect(content.places.get('bahuang')?.kind).toBe('town');
  });

  it('names the file, the field and the reason for a field of the wrong type', () => {
    const dir = copyOfContent();
    const file = join(dir, 'policies', 'dibao.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('verified: false', 'verified: "no"'));
    const error = errorsOf(dir);
    expect(error.issues).toContainEqual(
      expect.objectContaining({ file: expect.stringContaining('policies/dibao.yaml'), field: 'verified' }),
    );
    expect(error.message).toMatch(/policies\/dibao\.yaml: field "verified": Expected boolean, received string/);
  });

  it('rejects unknown keys, which are usually typos or YAML commas in unquoted text', () => {
    const dir = copyOfContent();
    const file = join(dir, 'services', 'bahuang-civil-affairs-office.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nadress: somewhere\n`);
    expect(errorsOf(dir).message).toMatch(/bahuang-civil-affairs-office\.yaml: field "\(root\)": Unrecognized key\(s\) in object: 'adress'/);
  });

  it('rejects a reference to an entry that does not exist', () => {
    const dir = copyOfContent();
    const file = join(dir, 'policies', 'dibao.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/whereToApply: \[[^\]]*\]/, 'whereToApply: [nowhere-office]'));
    expect(errorsOf(dir).issues).toContainEqual(
      expect.objectContaining({ field: 'whereToApply.0', reason: 'no service with id "nowhere-office"' }),
    );
  });

  it('rejects a guide naming a parameter that does not exist', () => {
    const dir = copyOfContent();
    const file = join(dir, 'policies', 'dibao.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/parameters: \[/, 'parameters: [no-such-parameter, '));
    expect(errorsOf(dir).issues).toContainEqual(
      expect.objectContaining({ field: 'parameters.0', reason: 'no parameter with id "no-such-parameter"' }),
    );
  });

  it('rejects an English text left empty and a broken YAML file, listing both', () => {
    const dir = copyOfContent();
    const policy = join(dir, 'policies', 'dibao.yaml');
    writeFileSync(policy, readFileSync(policy, 'utf8').replace('en: Minimum living allowance (dibao) }', 'en: "" }'));
    writeFileSync(join(dir, 'conventions', 'broken.yaml'), 'title: [unclosed');
    const { issues } = errorsOf(dir);
    expect(issues).toContainEqual(expect.objectContaining({ field: 'title.en', reason: 'English text is required' }));
    expect(issues).toContainEqual(expect.objectContaining({ file: expect.stringContaining('broken.yaml'), field: '(file)' }));
  });

  it('accepts dates as strings or as the Date objects some YAML parsers make', () => {
    expect(isoDate.parse('2025-01-01')).toBe('2025-01-01');
    expect(isoDate.parse(new Date('2025-01-01T00:00:00Z'))).toBe('2025-01-01');
    expect(isoDate.safeParse('1/1/2025').success).toBe(false);
    expect(policySchema.safeParse({}).success).toBe(false);
  });
});

describe('policy guides', () => {
  const content = loadContent();
  const texts = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(texts) : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];

  it('never copy an amount into prose: amounts come from the dated parameters', () => {
    for (const [id, policy] of content.policies) {
      const prose = texts(policy).join('\n');
      for (const parameterId of policy.parameters) {
        const parameter = content.parameters.get(parameterId)!;
        if (!parameter.unit.startsWith('yuan')) continue;
        for (const { value } of parameter.values) {
          const spelled = [String(value), value.toLocaleString('en')].map((v) => v.replace(/[.,]/g, '\\$&'));
          const pattern = new RegExp(`(?<![\\d.,])(${spelled.join('|')})\\s*(元|yuan)`);
          expect(prose, `${id} repeats ${parameterId}`).not.toMatch(pattern);
        }
      }
    }
  });

  it('cover every programme and show its parameters', () => {
    for (const [id, programme] of content.programmes) {
      const guide = content.policies.get(programme.guide);
      expect(guide?.programme, id).toBe(id);
      for (const p of programme.parameters) expect(guide?.parameters, `${id} shows ${p}`).toContain(p);
    }
  });
});

describe('dated parameters', () => {
  const parameter = {
    label: { zh: '标准', en: 'Standard' },
    unit: 'yuan-per-person-month' as const,
    values: [
      { from: '2024-01-01', value: 700, source: 'a', verified: true, floor: false },
      { from: '2025-01-01', value: 720, source: 'b', verified: false, floor: false },
    ],
  };
  it('uses the value in force on the date asked', () => {
    expect(valueAt(parameter, '2024-12-31')?.value).toBe(700);
    expect(valueAt(parameter, '2025-01-01')?.value).toBe(720);
    expect(valueAt(parameter, '2023-06-01')).toBeUndefined();
  });
});
