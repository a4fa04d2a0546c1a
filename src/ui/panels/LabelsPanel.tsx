// Label languages (region "Label languages"): the preferred languages of the data's labels, best
// first ("fr, en"), with the fallback chain they give. Separate from the interface's language,
// which stays English.
import { useState } from 'react';
import { describeFallback, formatLanguageList, parseLanguageList } from '../../graph/language.ts';
import { useActions, useExplorer } from '../../state/hooks.tsx';

/** The field, keyed by the current list so a change from elsewhere (a view, the URL) shows. */
function LanguageField({ languages }: { languages: readonly string[] }) {
  const actions = useActions();
  const [text, setText] = useState(formatLanguageList(languages));
  const [error, setError] = useState<string | null>(null);
  const apply = (): void => {
    const list = parseLanguageList(text);
    if (list.ok) {
      setError(null);
      actions.setLanguages(list.languages);
    } else {
      setError(list.error);
    }
  };
  return (
    <>
      <label className="stacked">
        Preferred label languages
        <input
          type="text"
          value={text}
          spellCheck={false}
          aria-invalid={error !== null}
          aria-describedby="label-languages-help"
          onChange={(e) => {
            setText(e.target.value);
          }}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
          }}
        />
      </label>
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p id="label-languages-help" className="note">
        Labels fall back {describeFallback(languages)}. Other names (also known as, nicknames) are
        searchable and shown in the details. The interface stays in English.
      </p>
    </>
  );
}

/** The label-languages section of the side panel. */
export function LabelsPanel() {
  const languages = useExplorer((s) => s.languages);
  return (
    <section className="labels-panel" aria-label="Label languages">
      <h2>Labels</h2>
      <LanguageField key={languages.join(',')} languages={languages} />
    </section>
  );
}
