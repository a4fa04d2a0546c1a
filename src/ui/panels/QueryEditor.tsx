// The SPARQL editor: CodeMirror 6 with the SPARQL grammar (codemirror-lang-sparql), bracket
// matching and closing, undo history, completion of the data's prefixes, classes and predicates
// (declaring a prefix when a completion needs it), Ctrl/Cmd+Enter to run, and a marker at the
// position of a syntax error. Loaded with the query panel, never in the first frame.
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { sparql } from 'codemirror-lang-sparql';
import { useEffect, useRef } from 'react';
import { declaredPrefixes } from '../../state/query.ts';

/** A term of the data offered by completion. */
export interface TermOption {
  iri: string;
  /** What the data calls it ("Person"). */
  label: string;
  kind: 'class' | 'property';
}

/** What completion draws on: the data's prefixes and terms. */
export interface CompletionData {
  prefixes: Readonly<Record<string, string>>;
  terms: readonly TermOption[];
}

/** Where a syntax error is, to mark. */
export interface EditorError {
  offset: number;
  message: string;
}

const KEYWORDS = [
  'SELECT',
  'DISTINCT',
  'REDUCED',
  'WHERE',
  'CONSTRUCT',
  'DESCRIBE',
  'ASK',
  'PREFIX',
  'BASE',
  'OPTIONAL',
  'FILTER',
  'UNION',
  'MINUS',
  'GRAPH',
  'BIND',
  'VALUES',
  'ORDER BY',
  'GROUP BY',
  'HAVING',
  'LIMIT',
  'OFFSET',
  'COUNT',
  'NOT EXISTS',
  'EXISTS',
  'CONTAINS',
  'STR',
  'LANG',
  'REGEX',
  'COALESCE',
  'BOUND',
];

// Colours come from CSS custom properties (styles.css), so both colour schemes read well.
const HIGHLIGHT = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.controlKeyword], color: 'var(--cm-keyword)' },
  { tag: [tags.variableName, tags.special(tags.variableName)], color: 'var(--cm-variable)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--cm-string)' },
  { tag: [tags.url, tags.link], color: 'var(--cm-iri)' },
  { tag: [tags.number, tags.bool, tags.literal], color: 'var(--cm-number)' },
  { tag: [tags.comment, tags.lineComment], color: 'var(--cm-comment)', fontStyle: 'italic' },
  { tag: [tags.namespace, tags.typeName, tags.propertyName], color: 'var(--cm-prefixed)' },
  { tag: [tags.function(tags.variableName), tags.standard(tags.name)], color: 'var(--cm-keyword)' },
]);

/** The prefixed name of an IRI with the longest matching namespace, or null. */
function prefixedName(
  iri: string,
  prefixes: Readonly<Record<string, string>>,
): { prefix: string; local: string } | null {
  let best: { prefix: string; local: string } | null = null;
  let length = 0;
  for (const [prefix, namespace] of Object.entries(prefixes)) {
    const local = iri.slice(namespace.length);
    if (namespace.length > length && iri.startsWith(namespace) && /^[\w-]+$/.test(local)) {
      best = { prefix, local };
      length = namespace.length;
    }
  }
  return best;
}

/** The completion source over `data()` (read at each request, so it follows the loaded data). */
function completionSource(data: () => CompletionData) {
  return (context: CompletionContext): CompletionResult | null => {
    const { prefixes, terms } = data();
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    // After PREFIX: the data's prefixes with their namespaces.
    const declaring = /PREFIX\s+([\w-]*)$/i.exec(before);
    if (declaring) {
      return {
        from: context.pos - (declaring[1] ?? '').length,
        options: Object.entries(prefixes).map(([prefix, iri]) => ({
          label: `${prefix}:`,
          apply: `${prefix}: <${iri}>`,
          detail: iri,
          type: 'namespace',
        })),
      };
    }
    // A variable: those the query uses already.
    const variable = context.matchBefore(/[?$][\w]*/);
    if (variable) {
      const seen = new Set(context.state.doc.toString().match(/[?$][A-Za-z_]\w*/g) ?? []);
      seen.delete(variable.text);
      return {
        from: variable.from,
        options: [...seen].map((v) => ({ label: v, type: 'variable' })),
      };
    }
    const word = context.matchBefore(/[A-Za-z_][\w-]*:?[\w-]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    if (!context.explicit && word.text.length < 2 && !word.text.includes(':')) return null;
    const declared = declaredPrefixes(context.state.doc.toString());
    const options: Completion[] = [];
    for (const term of terms) {
      const name = prefixedName(term.iri, prefixes);
      const text = name ? `${name.prefix}:${name.local}` : `<${term.iri}>`;
      options.push({
        label: text,
        detail: `${term.kind} · ${term.label}`,
        info: term.iri,
        type: term.kind === 'class' ? 'class' : 'property',
        apply: (view, _completion, from, to) => {
          const changes = [{ from, to, insert: text }];
          // Declare the prefix for the user when the query does not yet.
          if (name && !declared.has(name.prefix)) {
            changes.unshift({
              from: 0,
              to: 0,
              insert: `PREFIX ${name.prefix}: <${prefixes[name.prefix] ?? ''}>\n`,
            });
          }
          view.dispatch({ changes, scrollIntoView: true });
        },
      });
    }
    if (!word.text.includes(':')) {
      for (const keyword of KEYWORDS) options.push({ label: keyword, type: 'keyword' });
    }
    return { from: word.from, options, validFor: /^[\w-]*:?[\w-]*$/ };
  };
}

/** The editor. `text` is followed when it changes from outside (examples, history, the URL). */
export function QueryEditor({
  text,
  onChange,
  onRun,
  completion,
  error,
}: {
  text: string;
  onChange: (text: string) => void;
  onRun: () => void;
  completion: CompletionData;
  error: EditorError | null;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callbacks and data, read by the editor's extensions without rebuilding it.
  const latest = useRef({ onChange, onRun, completion });
  useEffect(() => {
    latest.current = { onChange, onRun, completion };
  });

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const run = (): boolean => {
      latest.current.onRun();
      return true;
    };
    const editor = new EditorView({
      parent,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          sparql(),
          syntaxHighlighting(HIGHLIGHT),
          autocompletion({ override: [completionSource(() => latest.current.completion)] }),
          lintGutter(),
          placeholder('SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10'),
          keymap.of([
            { key: 'Mod-Enter', run, preventDefault: true },
            ...closeBracketsKeymap,
            ...completionKeymap,
            ...historyKeymap,
            ...defaultKeymap,
            indentWithTab,
          ]),
          EditorView.contentAttributes.of({ 'aria-label': 'SPARQL query' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // NOTE: built once; `text` is followed by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current !== text) {
      editor.dispatch({ changes: { from: 0, to: current.length, insert: text } });
    }
  }, [text]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const length = editor.state.doc.length;
    const diagnostics =
      error === null
        ? []
        : [
            {
              from: Math.min(error.offset, length),
              to: Math.min(error.offset + 1, length),
              severity: 'error' as const,
              message: error.message,
            },
          ];
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [error]);

  return <div className="query-editor" ref={host} />;
}
