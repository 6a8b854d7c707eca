// The fact-check address's words: the Review settings dialog shows them and the service refuses with them.
import { describe, expect, it } from 'vitest';
import { factCheckAddressProblem } from '../../../electron/contract/link-rules.js';

describe('the fact-check address', () => {
  it('is none, or a web address that still parses with {id} filled in', () => {
    expect(factCheckAddressProblem('')).toBeNull();
    expect(factCheckAddressProblem('   ')).toBeNull();
    expect(factCheckAddressProblem(' https://facts.example/checks/{id} ')).toBeNull();
    const words = 'The fact-check address must be a web address starting with http:// or https://, such as https://example.org/fact-checks/{id}.';
    expect(factCheckAddressProblem('javascript:alert(1)')).toBe(words);
    expect(factCheckAddressProblem('https://fact-checks.example%/{id}')).toBe(words);
    expect(factCheckAddressProblem(`https://facts.example/${'x'.repeat(2000)}`)).toBe('The fact-check address can hold at most 2,000 characters.');
  });
});
