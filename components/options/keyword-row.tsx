import { describeKeyword } from '../../lib/keywords/describe-keyword';
import type { Keyword } from '../../lib/keywords/keyword';
import { KeywordEditor } from './keyword-editor';

interface KeywordRowProps {
  keyword: Keyword;
  index: number;
  count: number;
  editing: boolean;
  others: readonly Keyword[];
  onToggleEnabled: () => void;
  onMove: (offset: number) => void;
  onEdit: () => void;
  onCloseEditor: () => void;
  onSave: (keyword: Keyword) => Promise<void>;
  onRemove: () => void;
}

/** The DOM id of one of a keyword's buttons, for moving focus back to it. */
export function rowControlId(keywordId: string, control: 'up' | 'down' | 'edit' | 'remove'): string {
  return `keyword-${keywordId}-${control}`;
}

/** One keyword: switch, label, what it searches, and its actions; the editor opens below it. */
export function KeywordRow(props: KeywordRowProps) {
  const { keyword, index, count, editing } = props;
  const editorId = `keyword-${keyword.id}-editor`;
  const notes = [!keyword.enabled && 'paused', !keyword.notify && 'no notifications'].filter(Boolean);
  return (
    <li className={keyword.enabled ? 'keyword-row' : 'keyword-row paused'}>
      <div className="keyword-main">
        <input
          type="checkbox"
          role="switch"
          className="switch"
          checked={keyword.enabled}
          aria-label={`Check ${keyword.label}`}
          title={keyword.enabled ? 'Checked for new papers' : 'Paused'}
          onChange={props.onToggleEnabled}
        />
        <div className="keyword-info">
          <span className="keyword-text">{keyword.label}</span>
          <span className="keyword-summary">
            {describeKeyword(keyword)}
            {notes.length > 0 && ` · ${notes.join(', ')}`}
          </span>
        </div>
        <div className="keyword-actions">
          <button
            type="button"
            id={rowControlId(keyword.id, 'up')}
            aria-label={`Move ${keyword.label} up`}
            title="Move up"
            disabled={index === 0}
            onClick={() => props.onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            id={rowControlId(keyword.id, 'down')}
            aria-label={`Move ${keyword.label} down`}
            title="Move down"
            disabled={index === count - 1}
            onClick={() => props.onMove(1)}
          >
            ↓
          </button>
          <button
            type="button"
            id={rowControlId(keyword.id, 'edit')}
            aria-label={`Edit ${keyword.label}`}
            aria-expanded={editing}
            aria-controls={editing ? editorId : undefined}
            onClick={editing ? props.onCloseEditor : props.onEdit}
          >
            Edit
          </button>
          <button
            type="button"
            id={rowControlId(keyword.id, 'remove')}
            aria-label={`Remove ${keyword.label}`}
            onClick={props.onRemove}
          >
            Remove
          </button>
        </div>
      </div>
      {editing && (
        <div id={editorId}>
          <KeywordEditor keyword={keyword} others={props.others} onSave={props.onSave} onCancel={props.onCloseEditor} />
        </div>
      )}
    </li>
  );
}
