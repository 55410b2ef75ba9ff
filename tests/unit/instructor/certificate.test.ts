import { describe, expect, it } from 'vitest';
import { displayName } from '../../../src/instructor/learner-name.ts';

describe('the name on the certificate', () => {
  it('turns SCORM 1.2’s "Last, First" round', () => {
    expect(displayName('Ruiz, Ana')).toBe('Ana Ruiz');
    expect(displayName('  López Obrador ,  María José ')).toBe('María José López Obrador');
  });

  it('keeps a name without a comma, or with more than one, as it is', () => {
    expect(displayName('Ana Ruiz')).toBe('Ana Ruiz');
    expect(displayName('Ruiz, Ana, PhD')).toBe('Ruiz, Ana, PhD');
    expect(displayName('李伟')).toBe('李伟');
  });

  it('gives nothing for no name', () => {
    expect(displayName(null)).toBe('');
    expect(displayName('')).toBe('');
    expect(displayName('   ')).toBe('');
  });
});
