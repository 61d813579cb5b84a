import { FIGURE_MEANINGS } from '@/lib/sending/message-figures';

/** The one definition of each message figure, said beside the figures. */
export function FigureMeanings() {
  return <p className="muted">{Object.values(FIGURE_MEANINGS).join(' ')}</p>;
}
