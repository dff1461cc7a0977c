import { describe, expect, it } from 'vitest';
import { redact } from '../../api/core/log.ts';

describe('log redaction', () => {
  it('removes ID-card numbers, with or without the final X', () => {
    expect(redact('id 522201198803120021 asks')).toBe('id [id] asks');
    expect(redact('52220119880312002X')).toBe('[id]');
  });

  it('removes mobile and landline phone numbers in their usual spellings', () => {
    expect(redact('call 13812345678 now')).toBe('call [phone] now');
    expect(redact('+86 138-1234-5678')).toBe('[phone]');
    expect(redact('0856-5221234')).toBe('[phone]');
  });

  it('leaves short numbers such as amounts, years and hotlines alone', () => {
    expect(redact('GET /zh/policies/dibao/ 200 3.1ms 12345 720 2025')).toBe('GET /zh/policies/dibao/ 200 3.1ms 12345 720 2025');
  });
});
