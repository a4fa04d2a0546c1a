// The timeline strip under the graph (region "Timeline"): every dated thing of the data as a mark
// at its own precision (a year a year wide; an interval a bar, faded where its start or end is
// uncertain), packed in lanes over an axis of years. Dragging across it brushes a range of years
// and the network shows what is dated inside (undated nodes kept or hidden); the play button walks
// the range through the years; the selection's dates are marked, and a mark click selects what it
// dates. The years can also be typed, for keyboards and screen readers.
import {
  useEffect,
  useId,
  useState,
  type KeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { formatYearRange, spansOf, type TimeSpan, type YearRange } from '../../graph/time.ts';
import { useActions, useDataset, useExplorer, useVisibility } from '../../state/hooks.tsx';
import { selectTimeIndex } from '../../state/timeline.ts';
import { Icon } from '../components/Icon.tsx';
import {
  MAX_MARKS,
  placeMarks,
  timeScale,
  yearCounts,
  yearTicks,
  type PlacedMark,
} from './timeline-layout.ts';

// NOTE: a gradient's currentColor is the colour where the gradient is defined, not the mark's;
// faded marks take the marks' colour from the stylesheet instead.
const STOP = { stopColor: 'var(--mark)' } as const;
/** Lane and mark heights (px): roomy, or compact on a narrow screen. */
const ROOMY = { lane: 13, mark: 9 } as const;
const COMPACT = { lane: 8, mark: 6 } as const;
/** Lanes' worth of height of the per-year bars drawn for data with very many dates. */
const DENSE_LANES = 5;
/** Below this width the strip is drawn compact. */
const COMPACT_WIDTH = 600;
const AXIS = 18;
/** Milliseconds between two steps of the play button. */
const PLAY_STEP_MS = 900;

/**
 * Width of an element, following its resizes. NOTE: a callback ref, because the element appears
 * only once the data has loaded, after the first render.
 */
function useWidth(): [(element: HTMLElement | null) => void, number] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [element]);
  return [setElement, width];
}

/** The years typed as a range, or why not. */
function typedRange(from: string, to: string): YearRange | null {
  const a = Number(from);
  const b = Number(to);
  if (from.trim() === '' || to.trim() === '' || !Number.isInteger(a) || !Number.isInteger(b)) {
    return null;
  }
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

/** The years of the range as fields; keyed by the range, so a new brush resets what was typed. */
function YearInputs({ range, extent }: { range: YearRange | null; extent: YearRange }) {
  const actions = useActions();
  const [from, setFrom] = useState(range ? String(range.from) : '');
  const [to, setTo] = useState(range ? String(range.to) : '');
  const apply = (): void => {
    const typed = typedRange(from, to);
    if (typed) actions.setTimeRange(typed);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') apply();
  };
  return (
    <span className="timeline-years">
      <label>
        From
        <input
          type="number"
          inputMode="numeric"
          aria-label="From year"
          min={extent.from}
          max={extent.to}
          placeholder={String(extent.from)}
          value={from}
          onChange={(e) => {
            setFrom(e.target.value);
          }}
          onBlur={apply}
          onKeyDown={onKeyDown}
        />
      </label>
      <label>
        to
        <input
          type="number"
          inputMode="numeric"
          aria-label="To year"
          min={extent.from}
          max={extent.to}
          placeholder={String(extent.to)}
          value={to}
          onChange={(e) => {
            setTo(e.target.value);
          }}
          onBlur={apply}
          onKeyDown={onKeyDown}
        />
      </label>
    </span>
  );
}

/**
 * The fill of a mark: solid, or faded where the data leaves it open — an uncertain start or end,
 * the years before "by 1918" or "until 1929", the years after "from 1936".
 */
function fillOf(span: TimeSpan, ids: { start: string; end: string; both: string }): string {
  const openStart = span.fuzzyStart || span.kind === 'by' || span.kind === 'until';
  const openEnd = span.fuzzyEnd || span.kind === 'from';
  if (openStart && openEnd) return `url(#${ids.both})`;
  if (openStart) return `url(#${ids.start})`;
  if (openEnd) return `url(#${ids.end})`;
  return 'currentColor';
}

/** How many dates fall in each year, as bars (for data with too many dates to mark one by one). */
function DensityBars({
  counts,
  extent,
  x,
  top,
  height,
}: {
  counts: readonly number[];
  extent: YearRange;
  x: (year: number) => number;
  top: number;
  height: number;
}) {
  const most = Math.max(1, ...counts);
  return (
    <g className="density" aria-hidden="true">
      {counts.map((count, i) => {
        if (count === 0) return null;
        const year = extent.from + i;
        const h = Math.max(1, (count / most) * height);
        return (
          <rect
            key={year}
            x={x(year)}
            y={top + height - h}
            width={Math.max(1, x(year + 1) - x(year) - 0.5)}
            height={h}
          >
            <title>{`${String(year)}: ${count.toLocaleString('en')} dates`}</title>
          </rect>
        );
      })}
    </g>
  );
}

/** The strip. */
export function Timeline() {
  const dataset = useDataset();
  const index = useExplorer(selectTimeIndex);
  const timeline = useExplorer((s) => s.timeline);
  const selection = useExplorer((s) => s.selection);
  const playingViews = useExplorer((s) => s.views.playing);
  const savedViews = useExplorer((s) => s.views.saved);
  const visibility = useVisibility();
  const actions = useActions();
  const [boxRef, width] = useWidth();
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const [hovered, setHovered] = useState<PlacedMark | null>(null);
  const [playing, setPlaying] = useState(false);
  const gradient = useId().replace(/:/g, '');
  const ids = { start: `${gradient}-s`, end: `${gradient}-e`, both: `${gradient}-b` };

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      if (!actions.stepTimeline()) setPlaying(false);
    }, PLAY_STEP_MS);
    return () => {
      clearInterval(timer);
    };
  }, [playing, actions]);

  if (!dataset || !index) return null;
  const { extent } = index;
  if (!extent) {
    return (
      <section className="timeline" aria-label="Timeline">
        <p className="note timeline-empty">
          No dates in {dataset.name}: nothing carries an xsd:gYear, xsd:gYearMonth, xsd:date or
          xsd:dateTime, nor an OWL-Time period.
        </p>
      </section>
    );
  }

  const scale = timeScale(extent, width);
  // Past a few thousand dates, one mark each would neither draw fast nor read well: the strip then
  // shows how many dates fall in each year, and the selection's own marks over them.
  const dense = index.spans.length > MAX_MARKS;
  const marks = dense ? [] : placeMarks(index.spans, scale);
  const lanes = dense ? DENSE_LANES : Math.max(1, ...marks.map((m) => m.lane + 1));
  const size = width < COMPACT_WIDTH ? COMPACT : ROOMY;
  const height = AXIS + lanes * size.lane + 6;
  const graph = dataset.projection.graph;

  // What the selection is dated by: its own marks, or those it borrows (drawn outlined).
  const own = new Set<string>();
  const borrowed = new Set<string>();
  if (selection?.kind === 'node') {
    const time = index.nodes.get(selection.key);
    for (const s of time?.own ?? []) own.add(s.node);
    for (const b of time?.borrowed ?? []) borrowed.add(b.via);
  } else if (selection?.kind === 'edge' && graph.hasEdge(selection.key)) {
    for (const end of [graph.source(selection.key), graph.target(selection.key)]) {
      for (const s of index.nodes.get(end)?.own ?? []) own.add(s.node);
    }
  }
  const selectedLabel =
    selection?.kind === 'node' && graph.hasNode(selection.key)
      ? graph.getNodeAttribute(selection.key, 'label')
      : null;
  const selectionDates =
    selection?.kind === 'node'
      ? spansOf(index, selection.key)
      : [...own].flatMap((n) => index.nodes.get(n)?.own ?? []);

  const brushing = drag
    ? { from: Math.min(drag.start, drag.end), to: Math.max(drag.start, drag.end) }
    : null;
  const shownRange = brushing ?? timeline.range;
  const yearAt = (event: ReactPointerEvent<SVGSVGElement>): number => {
    const box = event.currentTarget.getBoundingClientRect();
    return scale.yearAt(event.clientX - box.left);
  };
  const onPointerDown = (event: ReactPointerEvent<SVGSVGElement>): void => {
    if (event.button !== 0 || (event.target as Element).closest('.mark')) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const year = yearAt(event);
    setDrag({ start: year, end: year });
  };
  const onPointerMove = (event: ReactPointerEvent<SVGSVGElement>): void => {
    if (!drag) return;
    const year = yearAt(event);
    if (year !== drag.end) setDrag({ ...drag, end: year });
  };
  const onPointerUp = (): void => {
    if (!drag) return;
    actions.setTimeRange({ from: drag.start, to: drag.end });
    setDrag(null);
  };

  let caption: string;
  if (playingViews) {
    const view = savedViews.find((v) => v.id === playingViews.ids[playingViews.index]);
    caption = `View ${String(playingViews.index + 1)} of ${String(playingViews.ids.length)}: ${view?.name ?? ''}${view?.note ? ` — ${view.note}` : ''}`;
  } else if (hovered) {
    caption = `${graph.getNodeAttribute(hovered.span.node, 'label')}: ${hovered.span.label}`;
  } else if (selectedLabel !== null || selection?.kind === 'edge') {
    const name = selectedLabel ?? 'This relation';
    const dates = [...new Set(selectionDates.map((s) => s.label))];
    caption =
      dates.length === 0
        ? `${name}: no date in the data.`
        : selection?.kind === 'node' && (index.nodes.get(selection.key)?.own.length ?? 0) === 0
          ? `${name}: dated through what it is linked to — ${dates.join(', ')}.`
          : `${name}: ${dates.join(', ')}.`;
  } else if (timeline.range && visibility) {
    caption = `Showing what is dated ${formatYearRange(timeline.range)}${timeline.undated === 'keep' ? ', and undated things' : ''}: ${visibility.nodes.size.toLocaleString('en')} nodes.`;
  } else {
    caption = `${index.spans.length.toLocaleString('en')} dates from ${String(extent.from)} to ${String(extent.to)}${dense ? ', counted by year' : ''}. Drag across the years to show only what is dated there.`;
  }

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-bar">
        <button
          type="button"
          className="icon-button"
          aria-label={playing ? 'Pause the timeline' : 'Play the timeline'}
          title={playing ? 'Pause' : 'Step through the years'}
          onClick={() => {
            // At the end of the years, play starts again from the first, with the same width.
            const range = timeline.range;
            if (!playing && range && range.to >= extent.to) {
              actions.setTimeRange({ from: extent.from, to: extent.from + range.to - range.from });
            }
            setPlaying(!playing);
          }}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <YearInputs
          key={timeline.range ? formatYearRange(timeline.range) : 'all'}
          range={timeline.range}
          extent={extent}
        />
        <button
          type="button"
          className="text-button"
          disabled={timeline.range === null}
          onClick={() => {
            setPlaying(false);
            actions.setTimeRange(null);
          }}
        >
          All years
        </button>
        <label className="timeline-undated">
          Undated
          <select
            value={timeline.undated}
            onChange={(e) => {
              actions.setUndatedMode(e.target.value === 'hide' ? 'hide' : 'keep');
            }}
          >
            <option value="keep">kept</option>
            <option value="hide">hidden</option>
          </select>
        </label>
        <p className="timeline-caption" aria-live="polite">
          {caption}
        </p>
      </div>
      <div ref={boxRef} className="timeline-plot">
        {width > 0 && (
          <svg
            width={width}
            height={height}
            role="group"
            aria-label={`Dates from ${String(extent.from)} to ${String(extent.to)}`}
            data-extent-from={extent.from}
            data-extent-to={extent.to}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => {
              setDrag(null);
            }}
          >
            <defs>
              <linearGradient id={ids.start}>
                <stop offset="0" style={STOP} stopOpacity="0.1" />
                <stop offset="0.9" style={STOP} stopOpacity="1" />
              </linearGradient>
              <linearGradient id={ids.end}>
                <stop offset="0.1" style={STOP} stopOpacity="1" />
                <stop offset="1" style={STOP} stopOpacity="0.1" />
              </linearGradient>
              <linearGradient id={ids.both}>
                <stop offset="0" style={STOP} stopOpacity="0.1" />
                <stop offset="0.5" style={STOP} stopOpacity="1" />
                <stop offset="1" style={STOP} stopOpacity="0.1" />
              </linearGradient>
            </defs>
            {shownRange && (
              <rect
                className="brush"
                x={scale.x(shownRange.from)}
                y={0}
                width={scale.x(shownRange.to + 1) - scale.x(shownRange.from)}
                height={height}
              />
            )}
            <g className="axis">
              {yearTicks(scale).map((year) => (
                <g key={year} transform={`translate(${String(scale.x(year))},0)`}>
                  <line y1={AXIS - 4} y2={height} />
                  <text x={3} y={AXIS - 7}>
                    {year}
                  </text>
                </g>
              ))}
            </g>
            {dense && (
              <DensityBars
                counts={yearCounts(index.spans, extent)}
                extent={extent}
                x={scale.x}
                top={AXIS}
                height={lanes * size.lane}
              />
            )}
            {dense &&
              placeMarks(
                selectionDates.filter((s) => own.has(s.node) || borrowed.has(s.node)),
                scale,
              ).map((mark) => (
                <rect
                  key={`${mark.span.node} ${mark.span.predicates.join(' ')} ${mark.span.label}`}
                  className="mark"
                  data-state={own.has(mark.span.node) ? 'own' : 'borrowed'}
                  x={mark.x}
                  y={AXIS + (mark.lane % lanes) * size.lane}
                  width={mark.width}
                  height={size.mark}
                  rx={2}
                  fill="currentColor"
                >
                  <title>{`${graph.getNodeAttribute(mark.span.node, 'label')}: ${mark.span.label}`}</title>
                </rect>
              ))}
            {marks.map((mark) => {
              const { span } = mark;
              const label = graph.getNodeAttribute(span.node, 'label');
              const state = own.has(span.node)
                ? 'own'
                : borrowed.has(span.node)
                  ? 'borrowed'
                  : visibility && !visibility.nodes.has(span.node)
                    ? 'hidden'
                    : 'shown';
              const select = (): void => {
                actions.walkTo({ kind: 'node', key: span.node });
              };
              return (
                <rect
                  // A node can have several dates in one year (a birth and a death): the predicates tell them apart.
                  key={`${span.node} ${span.predicates.join(' ')} ${span.label} ${String(span.from)}`}
                  className={`mark ${span.kind}`}
                  data-state={state}
                  data-node={span.node}
                  role="button"
                  tabIndex={0}
                  aria-label={`${label}, ${span.label}`}
                  x={mark.x}
                  y={AXIS + mark.lane * size.lane}
                  width={mark.width}
                  height={size.mark}
                  rx={2}
                  fill={fillOf(span, ids)}
                  onClick={select}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      select();
                    }
                  }}
                  onPointerEnter={() => {
                    setHovered(mark);
                  }}
                  onPointerLeave={() => {
                    setHovered(null);
                  }}
                >
                  <title>{`${label}: ${span.label}`}</title>
                </rect>
              );
            })}
          </svg>
        )}
      </div>
    </section>
  );
}
