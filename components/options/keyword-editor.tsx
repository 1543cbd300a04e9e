import { useEffect, useId, useState, type FormEvent } from 'react';
import { buildKeywordQuery } from '../../lib/arxiv/keyword-query';
import { FIELD_NAMES } from '../../lib/keywords/describe-keyword';
import type { Keyword, MatchField } from '../../lib/keywords/keyword';
import {
  checkCategory,
  draftFromKeyword,
  draftQueryFields,
  validateDraft,
  type DraftErrors,
  type KeywordDraft,
} from '../../lib/keywords/keyword-draft';
import { describeStorageError } from '../../lib/settings/sync-storage';
import { AdvancedField } from './advanced-field';
import { CategoriesField } from './categories-field';
import { ExcludeField } from './exclude-field';
import { focusField, firstInvalid } from './editor-focus';
import { KeywordPreview } from './keyword-preview';
import { LabelField } from './label-field';
import { TermsField } from './terms-field';

interface KeywordEditorProps {
  keyword: Keyword;
  /** The other keywords, for the duplicate-label check. */
  others: readonly Keyword[];
  onSave: (keyword: Keyword) => Promise<void>;
  onCancel: () => void;
}

/** Every field of a keyword, checked as a whole on Save; nothing is stored that arXiv would reject. */
export function KeywordEditor({ keyword, others, onSave, onCancel }: KeywordEditorProps) {
  const idBase = useId();
  const [draft, setDraft] = useState<KeywordDraft>(() => draftFromKeyword(keyword));
  const [categoryInput, setCategoryInput] = useState('');
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saveError, setSaveError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const update = (patch: Partial<KeywordDraft>) => setDraft((old) => ({ ...old, ...patch }));

  useEffect(() => document.getElementById(`${idBase}-label`)?.focus(), [idBase]);

  /** Adds the typed category; returns the categories with it, or undefined when it is not one. */
  function addCategory(): string[] | undefined {
    if (categoryInput.trim() === '') return draft.categories;
    const checked = checkCategory(categoryInput);
    if (!checked.ok) {
      setErrors((old) => ({ ...old, categories: checked.message }));
      return undefined;
    }
    const categories = draft.categories.includes(checked.id) ? draft.categories : [...draft.categories, checked.id];
    update({ categories });
    setCategoryInput('');
    setErrors((old) => ({ ...old, categories: undefined }));
    return categories;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaveError(undefined);
    // A category still in the box counts: leaving it out silently would widen the search.
    const categories = draft.advanced ? draft.categories : addCategory();
    if (categories === undefined) return focusField(idBase, 'categories');
    // Enabled is switched on the row, possibly while the editor is open: keep the stored value.
    const result = validateDraft({ ...draft, categories, enabled: keyword.enabled }, keyword, others);
    if (!result.ok) {
      setErrors(result.errors);
      return focusField(idBase, firstInvalid(result.errors));
    }
    setErrors({});
    setSaving(true);
    try {
      await onSave(result.keyword);
    } catch (error) {
      setSaveError(describeStorageError(error, 'your keywords'));
    } finally {
      setSaving(false);
    }
  }

  function toggleAdvanced(advanced: boolean) {
    // Starting from the query the fields make saves typing and shows the syntax by example.
    const built = buildKeywordQuery(draftQueryFields({ ...draft, advanced: false }));
    const rawQuery = advanced && draft.rawQuery.trim() === '' && built.ok ? built.query : draft.rawQuery;
    update({ advanced, rawQuery });
  }

  return (
    <form className="keyword-editor" aria-label={`Edit ${keyword.label}`} onSubmit={(e) => void submit(e)} noValidate>
      <LabelField idBase={idBase} value={draft.label} error={errors.label} onChange={(label) => update({ label })} />
      <fieldset className="search-fields" disabled={draft.advanced}>
        <legend>What to search</legend>
        <TermsField idBase={idBase} terms={draft.terms} error={errors.terms} onChange={(terms) => update({ terms })} />
        <label htmlFor={`${idBase}-field`}>Where to match</label>
        <select
          id={`${idBase}-field`}
          value={draft.field}
          onChange={(e) => update({ field: e.target.value as MatchField })}
        >
          {Object.entries(FIELD_NAMES).map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
        <CategoriesField
          idBase={idBase}
          categories={draft.categories}
          input={categoryInput}
          error={errors.categories}
          onInput={setCategoryInput}
          onAdd={() => void addCategory()}
          onRemove={(category) => update({ categories: draft.categories.filter((c) => c !== category) })}
        />
        <ExcludeField
          idBase={idBase}
          exclude={draft.exclude}
          error={errors.exclude}
          onChange={(exclude) => update({ exclude })}
        />
      </fieldset>
      <AdvancedField
        idBase={idBase}
        advanced={draft.advanced}
        rawQuery={draft.rawQuery}
        error={errors.rawQuery}
        onToggle={toggleAdvanced}
        onChange={(rawQuery) => update({ rawQuery })}
      />
      <label className="check">
        <input type="checkbox" checked={draft.notify} onChange={(e) => update({ notify: e.target.checked })} />
        Notify me about new papers for this keyword
      </label>
      {(errors.query ?? saveError) && (
        <p className="field-error" role="alert">
          {errors.query ?? saveError}
        </p>
      )}
      <div className="editor-actions">
        <button type="submit" className="primary" disabled={saving}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <KeywordPreview fields={draftQueryFields(draft)} />
    </form>
  );
}
