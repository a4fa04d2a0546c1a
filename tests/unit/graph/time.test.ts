// Dates at their own precision (a year is a whole year, never 1 January), intervals, durations,
// OWL-Time periods, borrowed dates and the brushed window, on a fixture of every case and on the
// built-in Rosmer graph.
import { describe, expect, test } from 'vitest';
import {
  buildTimeIndex,
  formatDuration,
  formatYearRange,
  overlaps,
  parseDate,
  parseDuration,
  restrictToTime,
  spansOf,
  timeWindow,
  yearFraction,
  type TimeSpan,
} from '../../../src/graph/time.ts';
import { computeVisibility, DEFAULT_FILTERS, total } from '../../../src/graph/filters.ts';
import { EX, XSD, projectFixtures } from './fixtures.ts';
import { rosmerDataset, ROSMER } from './rosmer.ts';

const DCTERMS_DATE = 'http://purl.org/dc/terms/date';
const START = 'https://schema.org/startDate';
const END = 'https://schema.org/endDate';

describe('parseDate', () => {
  test('xsd:gYear covers the whole year', () => {
    expect(parseDate('1877', `${XSD}gYear`)).toEqual({
      lexical: '1877',
      datatype: `${XSD}gYear`,
      precision: 'year',
      from: 1877,
      to: 1878,
      label: '1877',
    });
  });

  test('xsd:gYearMonth covers its month, xsd:date its day', () => {
    expect(parseDate('1938-09', `${XSD}gYearMonth`)).toEqual({
      lexical: '1938-09',
      datatype: `${XSD}gYearMonth`,
      precision: 'month',
      from: 1938 + 243 / 365,
      to: 1938 + 273 / 365,
      label: 'September 1938',
    });
    expect(parseDate('1938-09-03', `${XSD}date`)).toEqual({
      lexical: '1938-09-03',
      datatype: `${XSD}date`,
      precision: 'day',
      from: 1938 + 245 / 365,
      to: 1938 + 246 / 365,
      label: '3 September 1938',
    });
    expect(parseDate('1938-12', `${XSD}gYearMonth`)?.to).toBe(1939);
    expect(parseDate('1938-12-31', `${XSD}date`)?.to).toBe(1939);
  });

  test('leap years follow the proleptic Gregorian calendar', () => {
    expect(parseDate('2000-02-29', `${XSD}date`)?.from).toBe(2000 + 59 / 366);
    expect(parseDate('2000-03-01', `${XSD}date`)?.from).toBe(yearFraction(2000, 3, 1));
    expect(yearFraction(2000, 3, 1)).toBe(2000 + 60 / 366);
    expect(parseDate('1900-02-29', `${XSD}date`)).toBeNull();
    expect(parseDate('1938-13', `${XSD}gYearMonth`)).toBeNull();
    expect(parseDate('1938-04-31', `${XSD}date`)).toBeNull();
  });

  test('xsd:dateTime is placed on its local day and keeps its time in the label', () => {
    expect(parseDate('1938-09-03T18:30:00+02:00', `${XSD}dateTime`)).toEqual({
      lexical: '1938-09-03T18:30:00+02:00',
      datatype: `${XSD}dateTime`,
      precision: 'time',
      from: 1938 + 245 / 365,
      to: 1938 + 246 / 365,
      label: '3 September 1938, 18:30 UTC+02:00',
    });
  });

  test('years before the common era, and what is not a date', () => {
    expect(parseDate('-0044', `${XSD}gYear`)).toMatchObject({ from: -44, to: -43, label: '45 BC' });
    expect(parseDate('1938', `${XSD}string`)).toBeNull();
    expect(parseDate('1938', `${XSD}integer`)).toBeNull();
    expect(parseDate('in 1938', `${XSD}gYear`)).toBeNull();
  });

  test('lenient reading takes untyped values written like a date', () => {
    expect(parseDate('1938', `${XSD}string`, true)).toMatchObject({
      datatype: `${XSD}gYear`,
      precision: 'year',
      from: 1938,
      to: 1939,
    });
    expect(parseDate('1938-09-03', `${XSD}string`, true)?.datatype).toBe(`${XSD}date`);
    expect(parseDate('about 1938', `${XSD}string`, true)).toBeNull();
  });
});

describe('durations', () => {
  test('reads the calendar parts of xsd:duration and refuses what is not one', () => {
    expect(parseDuration('P17M')).toEqual({ years: 0, months: 17, days: 0 });
    expect(parseDuration('P1Y2M10DT2H')).toEqual({ years: 1, months: 2, days: 10 });
    expect(parseDuration('P70Y')).toEqual({ years: 70, months: 0, days: 0 });
    for (const bad of ['P', 'PT', '-P1Y', '17 months', 'P1YT'])
      expect(parseDuration(bad)).toBeNull();
  });

  test('reads as a person says it', () => {
    expect(formatDuration({ years: 0, months: 17, days: 0 })).toBe('17 months');
    expect(formatDuration({ years: 1, months: 2, days: 1 })).toBe('1 year, 2 months and 1 day');
    expect(formatDuration({ years: 0, months: 0, days: 0 })).toBe('no time');
  });
});

describe('buildTimeIndex on every case', () => {
  const { graph } = projectFixtures(['time-cases.ttl']);
  const index = buildTimeIndex(graph);
  const own = (local: string): Omit<TimeSpan, 'node'>[] =>
    (index.nodes.get(`${EX}${local}`)?.own ?? []).map(({ node: _node, ...rest }) => rest);

  test('a date is a span at its own precision', () => {
    expect(own('birth')).toEqual([
      {
        kind: 'date',
        from: 1877,
        to: 1878,
        fuzzyStart: false,
        fuzzyEnd: false,
        precision: 'year',
        label: '1877',
        predicates: [DCTERMS_DATE],
      },
    ]);
    expect(own('month')[0]).toMatchObject({ precision: 'month', label: 'September 1938' });
    expect(own('day')[0]).toMatchObject({ precision: 'day', label: '3 September 1938' });
    expect(own('moment')[0]).toMatchObject({ precision: 'time' });
    expect(own('untyped')[0]).toMatchObject({ precision: 'year', from: 1938, to: 1939 });
    expect(own('issue')).toEqual([]);
  });

  test('start and end make an interval; a decade is named as one', () => {
    expect(own('period')).toEqual([
      {
        kind: 'interval',
        from: 1920,
        to: 1925,
        fuzzyStart: false,
        fuzzyEnd: false,
        precision: 'year',
        label: '1920–1924',
        predicates: [START, END],
      },
    ]);
    expect(own('decade')[0]).toMatchObject({
      kind: 'interval',
      from: 1920,
      to: 1930,
      precision: 'decade',
      label: 'the 1920s',
    });
    expect(own('life')[0]).toMatchObject({
      kind: 'interval',
      from: yearFraction(1877, 4, 23),
      to: yearFraction(1964, 5, 7),
      precision: 'day',
      label: '23 April 1877–6 May 1964',
    });
  });

  test('a start with a duration ends somewhere between its earliest and latest end', () => {
    expect(own('stay')).toEqual([
      {
        kind: 'duration',
        from: 1920,
        // Started at the latest on 31 December 1920, so over by 1 June 1922 at the latest.
        to: yearFraction(1922, 6, 1),
        fuzzyStart: false,
        fuzzyEnd: true,
        precision: 'year',
        label: '1920, for 17 months',
        predicates: [START, 'https://schema.org/duration'],
      },
    ]);
  });

  test('an open start or end places only the date given; "by" places its bound', () => {
    expect(own('trials')).toMatchObject([
      { kind: 'from', from: 1936, to: 1937, label: 'from 1936' },
    ]);
    expect(own('closing')).toMatchObject([
      { kind: 'until', from: 1929, to: 1930, label: 'until 1929' },
    ]);
    expect(own('movement')).toMatchObject([{ kind: 'by', from: 1918, to: 1919, label: 'by 1918' }]);
  });

  test('OWL-Time: a period that finishes another, a thing in it, an interval of two instants', () => {
    expect(own('late')).toEqual([
      {
        kind: 'within',
        from: 1920,
        to: 1930,
        fuzzyStart: true,
        fuzzyEnd: false,
        precision: 'decade',
        label: 'the end of decade',
        predicates: ['http://www.w3.org/2006/time#intervalFinishes'],
      },
    ]);
    expect(own('work')).toMatchObject([
      { kind: 'within', from: 1920, to: 1930, fuzzyStart: true, label: 'the late decade' },
    ]);
    expect(own('built')).toMatchObject([
      {
        kind: 'interval',
        from: 1901,
        to: yearFraction(1905, 7, 1),
        label: '1901–30 June 1905',
        predicates: [
          'http://www.w3.org/2006/time#hasBeginning',
          'http://www.w3.org/2006/time#hasEnd',
        ],
      },
    ]);
  });

  test('CIDOC CRM time-spans, and untyped years under a predicate named for a year', () => {
    expect(own('birth-span')).toEqual([
      {
        kind: 'date',
        from: 1869,
        to: 1870,
        fuzzyStart: false,
        fuzzyEnd: false,
        precision: 'year',
        label: '1869',
        predicates: [
          'http://www.cidoc-crm.org/cidoc-crm/P82a_begin_of_the_begin',
          'http://www.cidoc-crm.org/cidoc-crm/P82b_end_of_the_end',
        ],
      },
    ]);
    expect(own('birth-event')).toMatchObject([
      {
        from: 1869,
        to: 1870,
        label: '1869',
        predicates: ['http://www.cidoc-crm.org/cidoc-crm/P4_has_time-span'],
      },
    ]);
    expect(own('kennedy')).toMatchObject([{ precision: 'year', from: 1888, label: '1888' }]);
  });

  test('nodes without dates borrow those of their neighbours; cycles and ideas stay undated', () => {
    expect(index.nodes.get(`${EX}commission`)).toEqual({
      own: [],
      borrowed: [
        {
          via: `${EX}trials`,
          edge: `${EX}commission -[${EX}investigated]-> ${EX}trials`,
          span: index.nodes.get(`${EX}trials`)?.own[0],
        },
      ],
    });
    expect(spansOf(index, `${EX}person`).map((s) => s.label)).toEqual(['1877', '3 September 1938']);
    for (const undated of ['idea', 'thing', 'issue', 'loop-a', 'loop-b']) {
      expect(index.nodes.has(`${EX}${undated}`)).toBe(false);
    }
  });

  test('the extent runs from the first year to the last, spans in time order', () => {
    expect(index.extent).toEqual({ from: 1869, to: 1964 });
    const froms = index.spans.map((s) => s.from);
    expect(froms).toEqual([...froms].sort((a, b) => a - b));
  });

  test('a brushed window lets through what is dated inside it, and undated nodes when kept', () => {
    const range = { from: 1936, to: 1938 };
    const hide = timeWindow(graph, index, range, 'hide');
    const local = (set: ReadonlySet<string>): string[] =>
      [...set].map((k) => k.slice(EX.length)).sort();
    expect(local(hide.allowed)).toEqual(
      ['commission', 'day', 'life', 'moment', 'month', 'person', 'trials', 'untyped'].sort(),
    );
    expect(local(hide.undated)).toEqual(['idea', 'issue', 'loop-a', 'loop-b', 'thing']);
    expect(hide.outside.size + hide.allowed.size + hide.undated.size).toBe(graph.order);
    const keep = timeWindow(graph, index, range, 'keep');
    expect(local(keep.allowed)).toEqual([...local(hide.allowed), ...local(hide.undated)].sort());
    expect(keep.outside).toEqual(hide.outside);
  });

  test('overlap is by whole years, both ends included', () => {
    const year1938 = { from: 1938, to: 1939 };
    expect(overlaps(year1938, { from: 1938, to: 1938 })).toBe(true);
    expect(overlaps(year1938, { from: 1936, to: 1937 })).toBe(false);
    expect(overlaps(year1938, { from: 1939, to: 1960 })).toBe(false);
    expect(formatYearRange({ from: 1936, to: 1938 })).toBe('1936–1938');
    expect(formatYearRange({ from: 1938, to: 1938 })).toBe('1938');
  });
});

describe('the Rosmer graph', () => {
  const { graph } = rosmerDataset().projection;
  const index = buildTimeIndex(graph);

  test('spans 1877 to 1968', () => {
    expect(index.extent).toEqual({ from: 1877, to: 1968 });
  });

  test('1936–1938 holds the Dewey commission (through the 1936 trials) and the founding of the Fourth International, not the 1960 declaration', () => {
    const window = timeWindow(graph, index, { from: 1936, to: 1938 }, 'hide');
    expect(window.allowed.has(`${ROSMER}dewey-commission`)).toBe(true);
    expect(index.nodes.get(`${ROSMER}dewey-commission`)?.borrowed.map((b) => b.via)).toEqual([
      `${ROSMER}show-trials`,
    ]);
    expect(window.allowed.has(`${ROSMER}founding-of-the-fourth-international`)).toBe(true);
    expect(window.outside.has(`${ROSMER}declaration-against-the-algerian-war`)).toBe(true);
  });

  test('"the late 1920s" is the end of the 1920s, with no invented start year', () => {
    expect(spansOf(index, `${ROSMER}work-with-trotsky`)).toMatchObject([
      { from: 1920, to: 1930, fuzzyStart: true, precision: 'decade', label: 'the late 1920s' },
    ]);
    expect(spansOf(index, `${ROSMER}anti-war-movement`)).toMatchObject([{ label: 'by 1918' }]);
  });
});

describe('restrictToTime', () => {
  test('hides what the window holds back and counts it by reason, edges too', () => {
    const { graph } = projectFixtures(['time-cases.ttl']);
    const index = buildTimeIndex(graph);
    const before = computeVisibility(graph, DEFAULT_FILTERS, null);
    const window = timeWindow(graph, index, { from: 1936, to: 1938 }, 'hide');
    const after = restrictToTime(graph, before, window);
    const shown = [...before.nodes].filter((k) => window.allowed.has(k));
    expect([...after.nodes].sort()).toEqual(shown.sort());
    expect(after.hiddenNodes).toEqual({
      ...before.hiddenNodes,
      time: [...before.nodes].filter((k) => window.outside.has(k)).length,
      undated: [...before.nodes].filter((k) => window.undated.has(k)).length,
    });
    expect(after.hiddenNodes.time).toBeGreaterThan(0);
    expect(after.hiddenNodes.undated).toBeGreaterThan(0);
    expect(after.nodes.size + total(after.hiddenNodes)).toBe(graph.order);
    expect(after.edges.size + total(after.hiddenEdges)).toBe(graph.size);
    for (const e of after.edges) {
      expect(after.nodes.has(graph.source(e)) && after.nodes.has(graph.target(e))).toBe(true);
    }
  });
});
