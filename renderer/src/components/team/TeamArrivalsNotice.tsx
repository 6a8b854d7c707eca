// "Changes from the team arrived in this document — Show them": shown above the text until the
// person asks to see them (the text is not swapped while they work).
import type { TeamArrivals } from './use-team-arrivals';

export function TeamArrivalsNotice({ arrivals }: { arrivals: TeamArrivals }) {
  if (!arrivals.waiting) return null;
  return (
    <div className="team-arrivals" role="status">
      <span>Changes from the team arrived in this document.</span>
      <button type="button" onClick={() => void arrivals.show()}>
        Show them
      </button>
    </div>
  );
}
