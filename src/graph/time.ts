// Time in the data graph: the dates a node carries, read at their own precision (a year stays a
// whole year, never 1 January), intervals from start/end pairs, durations and OWL-Time periods,
// and the index the timeline draws and filters with. Pure.
//
// What "dated" means for a node (the timeline's filter rests on it):
//   - its OWN dates: its date-typed facts (`dcterms:date "1938"^^xsd:gYear`, `ts:notLaterThan`, a
//     `schema:startDate`/`schema:endDate` pair or CIDOC CRM's P82a/P82b bounds, a start with a
//     `schema:duration`; untyped values too for date predicates and any named for a date or year),
//     and the period it is placed in through OWL-Time (`time:hasTime`, CRM's `P4_has_time-span`,
//     `time:hasBeginning`/`time:hasEnd`, and for a period itself `time:intervalFinishes`,
//     `time:intervalStarts`, `time:intervalDuring`, …);
//   - else the dates it BORROWS: the own dates of the nodes it is directly linked to, in either
//     direction (a person is dated by the events they took part in, the Dewey commission by the
//     1936 show trials it was set up to investigate). One link only, and only from own dates, so
//     dates never travel along chains;
//   - a node with neither is undated.
// Every date is a span [from, to) in fractional years: "1936" covers the whole of 1936, "by 1918"
// covers 1918 (the one year the data vouches for), "from 1936" with no end covers 1936 (the end is
// unknown, not "forever"), and "the late 1920s" covers the 1920s with an uncertain start. A node
// is inside a range when one of its spans overlaps it.
import { localName } from './labels.ts';
import { formatLiteral } from './literals.ts';
import { narrowVisibility, type Visibility } from './filters.ts';
import type { DataGraph, Fact } from './types.ts';
import { byCodeUnit } from './compare.ts';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const SCHEMA = ['http://schema.org/', 'https://schema.org/'];
const DCTERMS = 'http://purl.org/dc/terms/';
const PROV = 'http://www.w3.org/ns/prov#';
const TIME = 'http://www.w3.org/2006/time#';
const DBO = 'http://dbpedia.org/ontology/';
const CRM = 'http://www.cidoc-crm.org/cidoc-crm/';
const TS = 'https://w3id.org/triplescope/ontology#';

const schema = (local: string): string[] => SCHEMA.map((ns) => `${ns}${local}`);

/** How precise a date is. */
export type Precision = 'time' | 'day' | 'month' | 'year' | 'decade';

/** One calendar date as written in the data, and the stretch of time it covers. */
export interface CalendarDate {
  /** The lexical form, as written. */
  lexical: string;
  /** Datatype IRI (an untyped lexical form read leniently is given the xsd type it matches). */
  datatype: string;
  precision: Precision;
  /** Start of the stretch it covers, in fractional years (1936 → 1936.0). */
  from: number;
  /** End of that stretch, exclusive (1936 → 1937.0; 3 September 1938 → the start of the 4th). */
  to: number;
  /** As a person reads it: "1877", "September 1938", "3 September 1938". */
  label: string;
}

/** How a span was stated. */
export type SpanKind =
  /** One date at its precision ("1877", "September 1938"). */
  | 'date'
  /** A start and an end ("1920–1924", "the 1920s"). */
  | 'interval'
  /** A start and a duration ("1920, for 17 months"). */
  | 'duration'
  /** A start and no end ("from 1936"): only the start is placed. */
  | 'from'
  /** An end and no start ("until 1929"): only the end is placed. */
  | 'until'
  /** An upper bound ("by 1918"): only the bound is placed. */
  | 'by'
  /** A period known only as part of another ("the late 1920s" finishes the 1920s). */
  | 'within';

/** A stretch of time a node is dated by. */
export interface TimeSpan {
  /** The node it dates. */
  node: string;
  kind: SpanKind;
  /** Earliest moment covered, in fractional years. */
  from: number;
  /** Latest moment covered, exclusive. */
  to: number;
  /** The start is uncertain within [from, …): drawn fading in. */
  fuzzyStart: boolean;
  /** The end is uncertain within (…, to): drawn fading out. */
  fuzzyEnd: boolean;
  /** The coarsest precision of the dates it rests on. */
  precision: Precision;
  /** As a person reads it: "1877", "1920, for 17 months", "the late 1920s", "by 1918". */
  label: string;
  /** Predicates it was read from, in reading order (facts, or the OWL-Time link). */
  predicates: string[];
}

/** Dates borrowed from a linked node. */
export interface BorrowedSpan {
  /** The linked node whose own span it is. */
  via: string;
  /** The edge that links them. */
  edge: string;
  span: TimeSpan;
}

/** Everything the timeline knows about one node. */
export interface NodeTime {
  own: TimeSpan[];
  /** Spans of linked nodes; empty when the node has own dates. */
  borrowed: BorrowedSpan[];
}

/** The dates of a whole graph. */
export interface TimeIndex {
  /** Every own span, by start, then end, then node key. */
  spans: TimeSpan[];
  /** Dated nodes (own or borrowed dates); a node missing here is undated. */
  nodes: ReadonlyMap<string, NodeTime>;
  /** Whole years from the earliest to the latest date (inclusive), or null without dates. */
  extent: YearRange | null;
}

/** A range of whole years, both ends included (1936–1938 is three years). */
export interface YearRange {
  from: number;
  to: number;
}

/** What to do with undated nodes when a range is brushed. */
export type UndatedMode = 'keep' | 'hide';

// --- Calendar ----------------------------------------------------------------------------------

const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function isLeap(year: number): boolean {
  // Astronomical year numbers (0 is 1 BC), proleptic Gregorian calendar, as XSD 1.1 has it.
  const y = ((year % 400) + 400) % 400;
  return (y % 4 === 0 && y % 100 !== 0) || y === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Fractional year of the start of a day (month and day 1-based). */
export function yearFraction(year: number, month = 1, day = 1): number {
  const dayOfYear = (MONTH_START[month - 1] ?? 0) + (day - 1) + (month > 2 && isLeap(year) ? 1 : 0);
  return year + dayOfYear / (isLeap(year) ? 366 : 365);
}

interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** The day after `d`. */
function nextDay(d: Ymd): Ymd {
  if (d.day < daysInMonth(d.year, d.month)) return { ...d, day: d.day + 1 };
  if (d.month < 12) return { year: d.year, month: d.month + 1, day: 1 };
  return { year: d.year + 1, month: 1, day: 1 };
}

const fraction = (d: Ymd): number => yearFraction(d.year, d.month, d.day);

const TZ = '(?:Z|[+-]\\d{2}:\\d{2})?';
const FORMS: readonly { datatype: string; pattern: RegExp; precision: Precision }[] = [
  { datatype: `${XSD}gYear`, pattern: new RegExp(`^(-?\\d{4,})${TZ}$`), precision: 'year' },
  {
    datatype: `${XSD}gYearMonth`,
    pattern: new RegExp(`^(-?\\d{4,})-(\\d{2})${TZ}$`),
    precision: 'month',
  },
  {
    datatype: `${XSD}date`,
    pattern: new RegExp(`^(-?\\d{4,})-(\\d{2})-(\\d{2})${TZ}$`),
    precision: 'day',
  },
  {
    datatype: `${XSD}dateTime`,
    pattern: new RegExp(
      `^(-?\\d{4,})-(\\d{2})-(\\d{2})T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?${TZ}$`,
    ),
    precision: 'time',
  },
  {
    datatype: `${XSD}dateTimeStamp`,
    pattern: new RegExp(
      `^(-?\\d{4,})-(\\d{2})-(\\d{2})T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?${TZ}$`,
    ),
    precision: 'time',
  },
];

/** Datatypes read as dates. */
export const DATE_DATATYPES: ReadonlySet<string> = new Set(FORMS.map((f) => f.datatype));

/**
 * Reads a date literal at its own precision: `xsd:gYear` covers its year, `xsd:gYearMonth` its
 * month, `xsd:date` its day, `xsd:dateTime` the day it falls on (placed by its local date; the
 * time zone only shows in the label). Null for other datatypes and for invalid dates (month 13,
 * 30 February). `lenient` also reads an untyped or `xsd:string` value written like one of them
 * ("1938", "1938-09-03"), for data that leaves dates untyped.
 */
export function parseDate(value: string, datatype: string, lenient = false): CalendarDate | null {
  const text = value.trim();
  const plain = datatype === `${XSD}string` || datatype === '';
  const form = plain
    ? lenient
      ? FORMS.slice(0, 3).find((f) => f.pattern.test(text))
      : undefined
    : FORMS.find((f) => f.datatype === datatype);
  const m = form?.pattern.exec(text);
  if (!form || !m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  let end: Ymd;
  if (form.precision === 'year') end = { year: year + 1, month: 1, day: 1 };
  else if (form.precision === 'month')
    end = month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
  else end = nextDay({ year, month, day });
  return {
    lexical: value,
    datatype: form.datatype,
    precision: form.precision,
    from: yearFraction(year, month, day),
    to: fraction(end),
    // NOTE: xsd:dateTimeStamp is an xsd:dateTime that must carry a time zone; it reads the same.
    label: formatLiteral(text, form.precision === 'time' ? `${XSD}dateTime` : form.datatype),
  };
}

/** An `xsd:duration` in calendar parts (the time part is ignored: dates here are whole days). */
export interface Duration {
  years: number;
  months: number;
  days: number;
}

/** Reads a positive `xsd:duration` ("P17M", "P1Y2M10D", "P70Y"); null when it is not one. */
export function parseDuration(value: string): Duration | null {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/.exec(
    value.trim(),
  );
  if (!m || value.trim() === 'P' || value.trim().endsWith('T')) return null;
  return { years: Number(m[1] ?? 0), months: Number(m[2] ?? 0), days: Number(m[3] ?? 0) };
}

/** "17 months", "1 year and 2 months". */
export function formatDuration(d: Duration): string {
  const parts: string[] = [];
  const unit = (n: number, one: string): void => {
    if (n > 0) parts.push(`${String(n)} ${one}${n === 1 ? '' : 's'}`);
  };
  unit(d.years, 'year');
  unit(d.months, 'month');
  unit(d.days, 'day');
  if (parts.length === 0) return 'no time';
  const last = parts.pop() ?? '';
  return parts.length === 0 ? last : `${parts.join(', ')} and ${last}`;
}

/** Adds a duration to a day (months first, the day clamped to the month's end, as XSD does). */
function addDuration(d: Ymd, dur: Duration): Ymd {
  const months = d.month - 1 + dur.months + dur.years * 12;
  const year = d.year + Math.floor(months / 12);
  const month = (((months % 12) + 12) % 12) + 1;
  let out: Ymd = { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
  for (let i = 0; i < dur.days; i += 1) out = nextDay(out);
  return out;
}

/** The calendar day at a fractional year (inverse of {@link yearFraction}, to the day). */
function dayAt(value: number): Ymd {
  const year = Math.floor(value);
  const length = isLeap(year) ? 366 : 365;
  let dayOfYear = Math.round((value - year) * length);
  let month = 1;
  while (month < 12 && dayOfYear >= daysInMonth(year, month)) {
    dayOfYear -= daysInMonth(year, month);
    month += 1;
  }
  return { year, month, day: dayOfYear + 1 };
}

// --- Reading a node's own dates -----------------------------------------------------------------

/** Start predicates and the end predicate each pairs with. */
const START_END: readonly (readonly [string, string])[] = [
  ...SCHEMA.flatMap((ns) => [
    [`${ns}startDate`, `${ns}endDate`] as const,
    [`${ns}birthDate`, `${ns}deathDate`] as const,
    [`${ns}foundingDate`, `${ns}dissolutionDate`] as const,
  ]),
  [`${PROV}startedAtTime`, `${PROV}endedAtTime`],
  [`${DBO}birthDate`, `${DBO}deathDate`],
  // CIDOC CRM time-spans: the outer bounds, and the inner ones when only those are given.
  [`${CRM}P82a_begin_of_the_begin`, `${CRM}P82b_end_of_the_end`],
  [`${CRM}P81a_end_of_the_begin`, `${CRM}P81b_begin_of_the_end`],
];
const STARTS: ReadonlyMap<string, string> = new Map(START_END);
const ENDS: ReadonlyMap<string, string> = new Map(START_END.map(([s, e]) => [e, s]));
const DURATION = new Set(schema('duration'));
const NOT_LATER_THAN = `${TS}notLaterThan`;
/** Predicates whose untyped values are read as dates when they look like one. */
const LENIENT = new Set([
  `${DCTERMS}date`,
  `${DCTERMS}created`,
  `${DCTERMS}issued`,
  ...schema('date'),
  ...schema('datePublished'),
  ...START_END.flat(),
  NOT_LATER_THAN,
]);

/** OWL-Time links that place a thing in a period, and how (CIDOC CRM's P4 is the same link). */
const HAS_TIME = `${TIME}hasTime`;
const HAS_TIME_SPAN = `${CRM}P4_has_time-span`;
const HAS_BEGINNING = `${TIME}hasBeginning`;
const HAS_END = `${TIME}hasEnd`;
const PART_OF: ReadonlyMap<string, 'finishes' | 'starts' | 'during' | 'equals'> = new Map([
  [`${TIME}intervalFinishes`, 'finishes'],
  [`${TIME}intervalStarts`, 'starts'],
  [`${TIME}intervalDuring`, 'during'],
  [`${TIME}intervalIn`, 'during'],
  [`${TIME}inside`, 'during'],
  [`${TIME}intervalEquals`, 'equals'],
]);

/** Predicates whose links carry time rather than a relation to borrow dates through. */
export const TIME_LINKS: ReadonlySet<string> = new Set([
  HAS_TIME,
  HAS_TIME_SPAN,
  HAS_BEGINNING,
  HAS_END,
  ...PART_OF.keys(),
]);

const PRECISION_ORDER: readonly Precision[] = ['time', 'day', 'month', 'year', 'decade'];
const coarser = (a: Precision, b: Precision): Precision =>
  PRECISION_ORDER.indexOf(a) >= PRECISION_ORDER.indexOf(b) ? a : b;

/** Untyped values are read as dates for known date predicates and for any named for a date or year. */
function lenient(predicate: string): boolean {
  return LENIENT.has(predicate) || /(date|year)$/i.test(localName(predicate));
}

function dateOf(fact: Fact): CalendarDate | null {
  return parseDate(fact.value, fact.datatype, lenient(fact.predicate));
}

/** "the 1920s" for a year interval that is exactly a decade, else undefined. */
function decadeLabel(start: CalendarDate, end: CalendarDate): string | undefined {
  if (start.precision !== 'year' || end.precision !== 'year') return undefined;
  const first = Math.round(start.from);
  const last = Math.round(end.from);
  if (first % 10 !== 0 || last !== first + 9) return undefined;
  return first > 0 ? `the ${String(first)}s` : undefined;
}

/** A year given as its first and last days (1 January to 31 December), read as that year. */
function wholeYear(start: CalendarDate, end: CalendarDate): CalendarDate | undefined {
  if (start.precision !== 'day' || end.precision !== 'day') return undefined;
  const year = Math.floor(start.from);
  if (start.from !== year || end.to !== year + 1) return undefined;
  return {
    ...start,
    precision: 'year',
    to: year + 1,
    label: year > 0 ? String(year) : `${String(1 - year)} BC`,
  };
}

function intervalSpan(
  node: string,
  start: CalendarDate,
  end: CalendarDate,
  predicates: string[],
): TimeSpan {
  const year = wholeYear(start, end);
  if (year) {
    return {
      node,
      kind: 'date',
      from: year.from,
      to: year.to,
      fuzzyStart: false,
      fuzzyEnd: false,
      precision: 'year',
      label: year.label,
      predicates,
    };
  }
  const decade = decadeLabel(start, end);
  const sameText = start.label === end.label;
  return {
    node,
    kind: 'interval',
    from: Math.min(start.from, end.from),
    to: Math.max(start.to, end.to),
    fuzzyStart: false,
    fuzzyEnd: false,
    precision: decade ? 'decade' : coarser(start.precision, end.precision),
    label: decade ?? (sameText ? start.label : `${start.label}–${end.label}`),
    predicates,
  };
}

function pointSpan(node: string, kind: SpanKind, date: CalendarDate, predicate: string): TimeSpan {
  const prefix =
    kind === 'from' ? 'from ' : kind === 'until' ? 'until ' : kind === 'by' ? 'by ' : '';
  return {
    node,
    kind,
    from: date.from,
    to: date.to,
    fuzzyStart: false,
    fuzzyEnd: false,
    precision: date.precision,
    label: `${prefix}${date.label}`,
    predicates: [predicate],
  };
}

/** Spans stated by a node's own literal facts. */
function factSpans(node: string, facts: readonly Fact[]): TimeSpan[] {
  const spans: TimeSpan[] = [];
  const used = new Set<Fact>();
  const dated = facts
    .map((fact) => ({ fact, date: dateOf(fact) }))
    .filter((d): d is { fact: Fact; date: CalendarDate } => d.date !== null);
  const durations = facts
    .filter((f) => DURATION.has(f.predicate))
    .map((f) => ({ fact: f, duration: parseDuration(f.value) }))
    .filter((d): d is { fact: Fact; duration: Duration } => d.duration !== null);

  for (const { fact, date } of dated) {
    const endPredicate = STARTS.get(fact.predicate);
    if (endPredicate === undefined || used.has(fact)) continue;
    const end = dated.find((d) => d.fact.predicate === endPredicate && !used.has(d.fact));
    used.add(fact);
    if (end) {
      used.add(end.fact);
      spans.push(intervalSpan(node, date, end.date, [fact.predicate, end.fact.predicate]));
      continue;
    }
    const duration = durations.shift();
    if (duration) {
      // The end lies between the earliest start plus the duration and the latest start plus it.
      const earliest = dayAt(date.from);
      const latestStart = dayAt(date.to);
      const lastDay = addDuration(latestStart, duration.duration);
      spans.push({
        node,
        kind: 'duration',
        from: date.from,
        to: fraction(lastDay),
        fuzzyStart: false,
        fuzzyEnd: fraction(addDuration(earliest, duration.duration)) < fraction(lastDay),
        precision: date.precision,
        label: `${date.label}, for ${formatDuration(duration.duration)}`,
        predicates: [fact.predicate, duration.fact.predicate],
      });
      continue;
    }
    spans.push(pointSpan(node, 'from', date, fact.predicate));
  }
  for (const { fact, date } of dated) {
    if (used.has(fact)) continue;
    used.add(fact);
    if (ENDS.has(fact.predicate)) spans.push(pointSpan(node, 'until', date, fact.predicate));
    else if (fact.predicate === NOT_LATER_THAN)
      spans.push(pointSpan(node, 'by', date, fact.predicate));
    else spans.push(pointSpan(node, 'date', date, fact.predicate));
  }
  return spans;
}

/** The hull of several spans, as one span of `node` (one span is taken over as it is). */
function adopt(
  node: string,
  spans: readonly TimeSpan[],
  label: string,
  predicate: string,
): TimeSpan | undefined {
  const [first] = spans;
  if (first === undefined) return undefined;
  let from = first.from;
  let to = first.to;
  for (const s of spans) {
    from = Math.min(from, s.from);
    to = Math.max(to, s.to);
  }
  return {
    node,
    kind: spans.length === 1 ? first.kind : 'within',
    from,
    to,
    fuzzyStart: spans.some((s) => s.fuzzyStart),
    fuzzyEnd: spans.some((s) => s.fuzzyEnd),
    precision: spans.map((s) => s.precision).reduce(coarser),
    label,
    predicates: [predicate],
  };
}

/** Reads every node's own spans: facts first, then OWL-Time links (resolved once, no cycles). */
function ownSpans(graph: DataGraph): Map<string, TimeSpan[]> {
  const memo = new Map<string, TimeSpan[]>();
  const resolving = new Set<string>();
  const literalLabel = (key: string): string | undefined => {
    const node = graph.getNodeAttributes(key);
    return node.labelKind === 'literal' ? node.label : undefined;
  };

  const resolve = (key: string): TimeSpan[] => {
    const known = memo.get(key);
    if (known) return known;
    if (resolving.has(key)) return [];
    resolving.add(key);
    const node = graph.getNodeAttributes(key);
    const spans = factSpans(key, node.facts);
    let beginning: TimeSpan | undefined;
    let ending: TimeSpan | undefined;
    const links = graph
      .outEdges(key)
      .filter((e) => TIME_LINKS.has(graph.getEdgeAttribute(e, 'predicate')))
      .sort(byCodeUnit);
    for (const edge of links) {
      const predicate = graph.getEdgeAttribute(edge, 'predicate');
      const target = graph.target(edge);
      if (target === key) continue;
      const theirs = resolve(target);
      if (theirs.length === 0) continue;
      const targetLabel = literalLabel(target) ?? theirs.map((t) => t.label).join(', ');
      const adopted = adopt(key, theirs, targetLabel, predicate);
      if (!adopted) continue;
      if (predicate === HAS_TIME || predicate === HAS_TIME_SPAN) {
        spans.push(adopted);
      } else if (predicate === HAS_BEGINNING) {
        beginning = adopted;
      } else if (predicate === HAS_END) {
        ending = adopted;
      } else {
        const relation = PART_OF.get(predicate) ?? 'equals';
        const phrase = {
          finishes: `the end of ${targetLabel}`,
          starts: `the start of ${targetLabel}`,
          during: `within ${targetLabel}`,
          equals: targetLabel,
        }[relation];
        spans.push({
          ...adopted,
          kind: relation === 'equals' ? adopted.kind : 'within',
          fuzzyStart: adopted.fuzzyStart || relation === 'finishes' || relation === 'during',
          fuzzyEnd: adopted.fuzzyEnd || relation === 'starts' || relation === 'during',
          label: phrase,
        });
      }
    }
    if (beginning && ending) {
      spans.push({
        ...beginning,
        kind: 'interval',
        to: Math.max(beginning.to, ending.to),
        fuzzyEnd: ending.fuzzyEnd,
        precision: coarser(beginning.precision, ending.precision),
        label: `${beginning.label}–${ending.label}`,
        predicates: [HAS_BEGINNING, HAS_END],
      });
    } else if (beginning) {
      spans.push({ ...beginning, label: `from ${beginning.label}` });
    } else if (ending) {
      spans.push({ ...ending, label: `until ${ending.label}` });
    }
    resolving.delete(key);
    memo.set(key, spans);
    return spans;
  };

  graph.forEachNode((key, node) => {
    if (!node.vocabulary) resolve(key);
  });
  return memo;
}

const bySpan = (a: TimeSpan, b: TimeSpan): number =>
  a.from - b.from || a.to - b.to || byCodeUnit(a.node, b.node) || byCodeUnit(a.label, b.label);

/**
 * Indexes the dates of a data graph (vocabulary terms left out): every node's own spans, and for
 * nodes without any, the own spans of the nodes linked to them (see the file header).
 */
export function buildTimeIndex(graph: DataGraph): TimeIndex {
  const own = ownSpans(graph);
  const nodes = new Map<string, NodeTime>();
  const spans: TimeSpan[] = [];
  for (const [key, list] of own) {
    if (list.length > 0) {
      list.sort(bySpan);
      nodes.set(key, { own: list, borrowed: [] });
      spans.push(...list);
    }
  }
  graph.forEachNode((key, node) => {
    if (node.vocabulary || nodes.has(key)) return;
    const borrowed: BorrowedSpan[] = [];
    const seen = new Set<string>();
    graph.forEachEdge(key, (edge, attributes, source, target) => {
      if (seen.has(edge) || TIME_LINKS.has(attributes.predicate)) return;
      seen.add(edge);
      const other = source === key ? target : source;
      for (const span of own.get(other) ?? []) borrowed.push({ via: other, edge, span });
    });
    if (borrowed.length > 0) {
      borrowed.sort((a, b) => bySpan(a.span, b.span) || byCodeUnit(a.edge, b.edge));
      nodes.set(key, { own: [], borrowed });
    }
  });
  spans.sort(bySpan);
  const first = spans[0];
  let latest = -Infinity;
  for (const s of spans) latest = Math.max(latest, s.to);
  const extent =
    first === undefined ? null : { from: Math.floor(first.from), to: Math.ceil(latest) - 1 };
  return { spans, nodes, extent };
}

/** The spans that date a node: its own, else the ones it borrows (empty when undated). */
export function spansOf(index: TimeIndex, node: string): TimeSpan[] {
  const time = index.nodes.get(node);
  if (!time) return [];
  return time.own.length > 0 ? time.own : time.borrowed.map((b) => b.span);
}

/** True when a span overlaps a range of whole years. */
export function overlaps(span: Pick<TimeSpan, 'from' | 'to'>, range: YearRange): boolean {
  return span.from < range.to + 1 && span.to > range.from;
}

/** Which nodes a brushed range lets through, and how many it holds back, by reason. */
export interface TimeWindow {
  /** Nodes dated inside the range, plus undated ones when they are kept. */
  allowed: ReadonlySet<string>;
  /** Dated nodes whose dates all fall outside the range. */
  outside: ReadonlySet<string>;
  /** Undated nodes (held back only in 'hide' mode). */
  undated: ReadonlySet<string>;
}

/** Splits the non-vocabulary nodes of `graph` by a brushed range. */
export function timeWindow(
  graph: DataGraph,
  index: TimeIndex,
  range: YearRange,
  undatedMode: UndatedMode,
): TimeWindow {
  const allowed = new Set<string>();
  const outside = new Set<string>();
  const undated = new Set<string>();
  graph.forEachNode((key, node) => {
    if (node.vocabulary) {
      allowed.add(key);
      return;
    }
    const spans = spansOf(index, key);
    if (spans.length === 0) {
      undated.add(key);
      if (undatedMode === 'keep') allowed.add(key);
    } else if (spans.some((s) => overlaps(s, range))) {
      allowed.add(key);
    } else {
      outside.add(key);
    }
  });
  return { allowed, outside, undated };
}

/** "1936–1938", or "1936" for one year. */
export function formatYearRange(range: YearRange): string {
  const year = (y: number): string => (y > 0 ? String(y) : `${String(1 - y)} BC`);
  return range.from === range.to ? year(range.from) : `${year(range.from)}–${year(range.to)}`;
}

/**
 * The visibility with only the shown nodes a time window lets through: dated nodes outside it are
 * counted as hidden for 'time', undated ones (in 'hide' mode) for 'undated', and edges left
 * without both ends for 'endpoint', so nothing disappears unaccounted.
 */
export function restrictToTime(
  graph: DataGraph,
  visibility: Visibility,
  window: TimeWindow,
): Visibility {
  const nodes = new Set<string>();
  let outside = 0;
  let undated = 0;
  for (const key of visibility.nodes) {
    if (window.allowed.has(key)) nodes.add(key);
    else if (window.undated.has(key)) undated += 1;
    else outside += 1;
  }
  return narrowVisibility(graph, visibility, nodes, { time: outside, undated });
}
