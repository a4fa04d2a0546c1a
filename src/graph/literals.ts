// Literal values as a person reads them: XML Schema dates at their own precision (a year stays a
// year, never 1 January), everything else as written. Pure and locale-independent (English).
import { iri } from './vocab.ts';

const XSD = 'http://www.w3.org/2001/XMLSchema#';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A year as written in xsd ("-0044" is 45 BC in ISO 8601 / XSD 1.1, where year 0 is 1 BC). */
function year(lexical: string): string {
  const n = Number(lexical);
  if (n > 0) return String(n);
  return `${String(1 - n)} BC`;
}

function month(lexical: string): string | undefined {
  return MONTHS[Number(lexical) - 1];
}

function timezone(tz: string | undefined): string {
  if (tz === undefined || tz === '') return '';
  return tz === 'Z' ? ' UTC' : ` UTC${tz}`;
}

const TZ = '(Z|[+-]\\d{2}:\\d{2})?';
const patterns: Record<string, RegExp> = {
  [iri.gYear]: new RegExp(`^(-?\\d{4,})${TZ}$`),
  [iri.gYearMonth]: new RegExp(`^(-?\\d{4,})-(\\d{2})${TZ}$`),
  [iri.date]: new RegExp(`^(-?\\d{4,})-(\\d{2})-(\\d{2})${TZ}$`),
  [iri.dateTime]: new RegExp(
    `^(-?\\d{4,})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?${TZ}$`,
  ),
  [`${XSD}gMonthDay`]: new RegExp(`^--(\\d{2})-(\\d{2})${TZ}$`),
  [`${XSD}gMonth`]: new RegExp(`^--(\\d{2})${TZ}$`),
};

/**
 * Formats a literal for reading: `xsd:gYear` "1877" → "1877", `xsd:gYearMonth` "1938-09" →
 * "September 1938", `xsd:date` "1938-09-03" → "3 September 1938", `xsd:dateTime` adds the time;
 * other datatypes, and dates whose lexical form is invalid, are returned as written.
 */
export function formatLiteral(value: string, datatype: string): string {
  const pattern = patterns[datatype];
  const m = pattern?.exec(value.trim());
  if (!m) return value;
  const [, a = '', b = '', c = '', d = '', e = '', , tz] = m;
  switch (datatype) {
    case iri.gYear:
      return `${year(a)}${timezone(m[2])}`;
    case iri.gYearMonth: {
      const mm = month(b);
      return mm ? `${mm} ${year(a)}${timezone(m[3])}` : value;
    }
    case iri.date: {
      const mm = month(b);
      return mm ? `${String(Number(c))} ${mm} ${year(a)}${timezone(m[4])}` : value;
    }
    case iri.dateTime: {
      const mm = month(b);
      return mm ? `${String(Number(c))} ${mm} ${year(a)}, ${d}:${e}${timezone(tz)}` : value;
    }
    case `${XSD}gMonthDay`: {
      const mm = month(a);
      return mm ? `${String(Number(b))} ${mm}${timezone(m[3])}` : value;
    }
    default: {
      const mm = month(a);
      return mm ? `${mm}${timezone(m[2])}` : value;
    }
  }
}
