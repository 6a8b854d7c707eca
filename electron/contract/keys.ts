// Keys the window keeps for itself. Plain values: the rules and the renderer read them without zod.

/** Keys the editor uses for itself, so no label may take them. */
export const RESERVED_KEYS = ['e', 'a', 'n', '?', '[', ']', '"', ',', '.', '<', '>'];

/** Keys the review desk uses to move, select and write: no status may take them. */
export const REVIEW_DESK_KEYS = ['j', 'k', 'n', 'x'];
