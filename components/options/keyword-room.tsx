import { useEffect, useState } from 'react';
import type { Keyword } from '../../lib/keywords/keyword';
import { describeRoom, type KeywordRoom } from '../../lib/keywords/keyword-room';
import { readKeywordRoom } from '../../lib/keywords/keyword-store';

/**
 * How much of the browser's sync storage the keywords use and how many more fit, read again
 * whenever the list changes; a warning once it is nearly full, before an add is refused.
 */
export function KeywordRoomLine({ keywords }: { keywords: readonly Keyword[] }) {
  const [room, setRoom] = useState<KeywordRoom>();
  useEffect(() => {
    let active = true;
    readKeywordRoom().then(
      (next) => active && setRoom(next),
      // Sync storage that cannot be read is reported by the page already.
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [keywords]);
  if (!room) return null;
  return (
    <>
      <p className="hint keyword-room">Sync storage: {describeRoom(room)}</p>
      {room.nearlyFull && (
        <p className="field-error" role="status">
          {room.moreKeywords === 0
            ? 'Sync storage is full: no keyword can be added until you remove one.'
            : `Sync storage is nearly full: only about ${room.moreKeywords} more ${room.moreKeywords === 1 ? 'keyword fits' : 'keywords fit'}. Remove keywords you no longer need, or shorten long ones.`}
        </p>
      )}
    </>
  );
}
