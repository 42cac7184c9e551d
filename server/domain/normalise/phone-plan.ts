/**
 * A country's numbering plan from libphonenumber's max metadata, its patterns compiled once.
 * libphonenumber compiles a pattern every time it tests one (its matchesEntirely is `new RegExp` per
 * call), and typing and formatting a number tests several: India's fixed-line pattern alone is 1,263
 * characters. perf put about 0.45 s of the ingest bench's preparing thread there, for its ~28,000
 * distinct numbers. This follows libphonenumber's getNumberType and formatNumber('INTERNATIONAL') step
 * for step over the same metadata, so the answers are its own; phone.test.ts compares the two over
 * every block of the Indian mobile range.
 */
import type { CountryCode, NumberType } from 'libphonenumber-js';
import { Metadata } from 'libphonenumber-js/max';

// The parts of libphonenumber's metadata objects read here (its typings declare none of them).
interface TypeDefinition {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface FormatDefinition {
  pattern(): string;
  leadingDigitsPatterns(): string[];
  internationalFormat(): string;
}
interface NumberingPlan {
  nationalNumberPattern(): string;
  type(type: NumberType): TypeDefinition | undefined;
  formats(): FormatDefinition[];
}

// getNumberType's order: fixed line first, then these.
const NON_FIXED_LINE_TYPES: NonNullable<NumberType>[] = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

const entirely = (pattern: string) => new RegExp(`^(?:${pattern})$`);

interface CompiledType {
  /** Absent when the metadata has no such type; null when its pattern is empty (a duplicate, removed). */
  pattern: RegExp | null;
  lengths: number[] | undefined;
}

interface CompiledFormat {
  leadingDigits: RegExp | undefined;
  whole: RegExp;
  groups: RegExp;
  international: string;
}

export class CompiledPlan {
  readonly callingCode: string;
  private readonly valid: RegExp;
  private readonly types = new Map<NonNullable<NumberType>, CompiledType>();
  private readonly formats: CompiledFormat[];

  constructor(country: CountryCode) {
    const metadata = new Metadata() as Metadata & { countryCallingCode(): string };
    metadata.selectNumberingPlan(country);
    const plan = metadata.numberingPlan as unknown as NumberingPlan;
    this.callingCode = metadata.countryCallingCode();
    this.valid = entirely(plan.nationalNumberPattern());
    for (const type of ['FIXED_LINE', ...NON_FIXED_LINE_TYPES] as const) {
      const definition = plan.type(type);
      if (!definition) continue;
      const pattern = definition.pattern();
      this.types.set(type, {
        pattern: pattern ? entirely(pattern) : null,
        lengths: definition.possibleLengths(),
      });
    }
    this.formats = plan.formats().map((f) => {
      const leading = f.leadingDigitsPatterns();
      return {
        leadingDigits: leading.length ? new RegExp(leading[leading.length - 1]!) : undefined,
        whole: entirely(f.pattern()),
        groups: new RegExp(f.pattern()),
        international: f.internationalFormat(),
      };
    });
  }

  private is(national: string, type: NonNullable<NumberType>): boolean {
    const t = this.types.get(type);
    if (!t?.pattern) return false;
    if (t.lengths && !t.lengths.includes(national.length)) return false;
    return t.pattern.test(national);
  }

  /** As PhoneNumber.getType() for a number of this plan. */
  typeOf(national: string): NumberType {
    if (!this.valid.test(national)) return undefined;
    if (this.is(national, 'FIXED_LINE')) {
      const mobile = this.types.get('MOBILE');
      if (!mobile || mobile.pattern === null || this.is(national, 'MOBILE')) return 'FIXED_LINE_OR_MOBILE';
      return 'FIXED_LINE';
    }
    return NON_FIXED_LINE_TYPES.find((type) => this.is(national, type));
  }

  /**
   * As PhoneNumber.formatInternational() for a number of this plan without an extension; undefined when
   * the format that applies is one whose separators libphonenumber would rewrite (none of India's).
   */
  formatInternational(national: string): string | undefined {
    const f = this.formats.find(
      (f) => (!f.leadingDigits || national.search(f.leadingDigits) === 0) && f.whole.test(national),
    );
    if (!f) return `+${this.callingCode} ${national}`;
    if (!/^(?:\$\d| )+$/.test(f.international)) return undefined;
    return `+${this.callingCode} ${national.replace(f.groups, f.international).replace(/ +/g, ' ').trim()}`;
  }
}
